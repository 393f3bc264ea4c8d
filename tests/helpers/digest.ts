import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * What a result's `ruleset.digest` must be for this document, worked out apart from src/: SHA-256 by
 * Node's own crypto (not the library's hashing) of the RFC 8785 form, `$schema` left out.
 */
export function expectedDigest(document: object): string {
  const { $schema: _editorHint, ...content } = document as Record<string, unknown>;
  return `sha256:${createHash("sha256")
    .update(canonicalize(content) as string, "utf8")
    .digest("hex")}`;
}
