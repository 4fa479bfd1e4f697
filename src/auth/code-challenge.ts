/**
 * Akeneo's proof that the code exchange comes from the app (NOTES §1b): not PKCE's S256, but the
 * lowercase hex SHA-256 of `code_identifier + client_secret`, the identifier being a fresh random
 * string sent beside it. The client secret itself never travels.
 */
import { createHash, randomBytes } from "node:crypto";

/** A fresh code identifier: 64 random bytes, hex (as in Akeneo's Node sample). */
export function createCodeIdentifier(): string {
  return randomBytes(64).toString("hex");
}

/** `sha256hex(codeIdentifier + clientSecret)`, lowercase. */
export function createCodeChallenge(codeIdentifier: string, clientSecret: string): string {
  return createHash("sha256").update(`${codeIdentifier}${clientSecret}`, "utf8").digest("hex");
}
