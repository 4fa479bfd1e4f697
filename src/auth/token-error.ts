/**
 * Token endpoint failures are not standard OAuth: Akeneo answers HTTP 422 `{code, message}` and only the
 * message tells the cases apart (NOTES §1a, from TokenController.php). Map each one to a code whose
 * message names the fields to check.
 */
import { ConnectorError, isHttpError } from "../errors.js";

/** The token endpoint, relative to the base URL. */
export const TOKEN_PATH = "/api/oauth/v1/token";

const CLIENT = /client_id|grant type is not authorized/i;
const USER = /no user found|username|password/i;

/**
 * The typed error for a failed token request. A refused refresh token becomes `AUTH_REFRESH_FAILED` (the
 * token manager then logs in again); transport and server errors pass through unchanged.
 */
export function toTokenError(error: unknown, grant: "password" | "refresh_token"): unknown {
  if (!isHttpError(error) || (error.status !== 400 && error.status !== 422)) return error;
  const where = `POST ${TOKEN_PATH} → ${error.status} ${error.akeneoMessage ?? "(no message)"}`;
  const base = { kind: "auth" as const, retryable: false, status: error.status, method: "POST", url: TOKEN_PATH, cause: error };
  const message = error.akeneoMessage ?? "";
  if (CLIENT.test(message)) {
    return new ConnectorError(
      `[auth] the client id or secret was rejected: ${where}; check the clientId and clientSecret fields (copy both again from the connection in Akeneo, without spaces or line breaks)`,
      { ...base, code: "AUTH_INVALID_CLIENT" },
    );
  }
  if (grant === "refresh_token") {
    return new ConnectorError(`[auth] the refresh token was rejected: ${where}`, { ...base, code: "AUTH_REFRESH_FAILED" });
  }
  if (USER.test(message)) {
    return new ConnectorError(
      `[auth] the username or password was rejected: ${where}; check the username and password fields (the connection's API user; regenerate the password in Akeneo if it was lost)`,
      { ...base, code: "AUTH_INVALID_CREDENTIALS" },
    );
  }
  return new ConnectorError(`[auth] the token request was refused: ${where}; check the clientId, clientSecret, username and password fields`, {
    ...base,
    code: "AUTH_INVALID_CREDENTIALS_OR_CLIENT",
  });
}
