/**
 * A Connected-App access token: it has no expiry and no refresh token (NOTES §1b). A PIM user can revoke
 * the app at any time; the API then answers 401, which is final: the app must be authorized again.
 */
import { ConnectorError } from "../errors.js";
import { registerSecret } from "../redact.js";
import type { Authenticator } from "./authenticator.js";

/**
 * An authenticator that always sends `accessToken` and turns a 401 into `AUTH_REVOKED`. A loader is
 * called once, on the first request (its failure, e.g. no stored token, fails every request the same way).
 */
export function createStaticTokenAuth(accessToken: string | (() => Promise<string>)): Authenticator {
  let token: Promise<string> | undefined;
  if (typeof accessToken === "string") {
    registerSecret(accessToken);
    token = Promise.resolve(accessToken);
  }
  const load = accessToken as () => Promise<string>;
  return {
    getAccessToken: () =>
      (token ??= load().then((value) => {
        registerSecret(value);
        return value;
      })),
    renewAfterUnauthorized: async (_rejected, request) => {
      throw new ConnectorError(
        `[auth] the app's access token was refused: ${request.method} ${request.path.split("?")[0]} → 401; the app was disconnected or its access revoked: authorize it again`,
        { code: "AUTH_REVOKED", kind: "auth", retryable: false, status: 401, method: request.method, url: request.path },
      );
    },
  };
}
