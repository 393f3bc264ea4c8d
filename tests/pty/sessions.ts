import { afterAll, beforeAll, type TestContext } from "vitest";
import { snapshotBundle, type BundleSnapshot } from "./bundle-snapshot.js";
import { PtySession, type PtySessionOptions } from "./pty-session.js";

/**
 * Registers the hooks of a terminal test file: the built CLI copied once (a rebuild elsewhere, as npm
 * test deletes dist/cli first, cannot pull it away mid-test). Returns the function that starts a
 * session on that copy for one test: the session is ended when that test finishes (its own
 * onTestFinished, so that tests running concurrently each end only their own).
 */
export function usePtySessions(
  defaults: PtySessionOptions = {},
): (test: Pick<TestContext, "onTestFinished">, options?: PtySessionOptions) => PtySession {
  let bundle: BundleSnapshot | undefined;
  beforeAll(async () => {
    bundle = await snapshotBundle();
  }, 40_000);
  afterAll(() => bundle?.remove());
  return ({ onTestFinished }, options = {}) => {
    if (!bundle) throw new Error("no build to run");
    const session = new PtySession({ bin: bundle.bin, ...defaults, ...options });
    onTestFinished(() => session.dispose());
    return session;
  };
}
