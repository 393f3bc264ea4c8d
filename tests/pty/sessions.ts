import { afterAll, afterEach, beforeAll } from "vitest";
import { snapshotBundle, type BundleSnapshot } from "./bundle-snapshot.js";
import { PtySession, type PtySessionOptions } from "./pty-session.js";

/**
 * Registers the hooks of a terminal test file: the built CLI copied once (a rebuild elsewhere, as npm
 * test deletes dist/cli first, cannot pull it away mid-test), and no process outliving its test.
 * Returns the function that starts a session on that copy.
 */
export function usePtySessions(defaults: PtySessionOptions = {}): (options?: PtySessionOptions) => PtySession {
  const sessions: PtySession[] = [];
  let bundle: BundleSnapshot | undefined;
  beforeAll(async () => {
    bundle = await snapshotBundle();
  }, 40_000);
  afterAll(() => bundle?.remove());
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.dispose()));
  });
  return (options = {}) => {
    if (!bundle) throw new Error("no build to run");
    const session = new PtySession({ bin: bundle.bin, ...defaults, ...options });
    sessions.push(session);
    return session;
  };
}
