/**
 * What the HTTP pipeline needs from authentication: a bearer token now, and a new one after a 401.
 * Two implementations: the password-grant token manager and the static Connected-App token.
 */

/** The request that received the 401, for messages. */
export interface UnauthorizedRequest {
  method: string;
  /** Path (and query) relative to the base URL. */
  path: string;
}

/** Supplies bearer tokens to the pipeline. */
export interface Authenticator {
  /** A bearer token to send now, fetching or refreshing one first when needed. */
  getAccessToken(signal?: AbortSignal): Promise<string>;
  /**
   * Called once per request after a 401 with the token that was refused: returns the token to retry with
   * (a newer one another caller already obtained, or a fresh one), or throws a typed `AUTH_*` error.
   */
  renewAfterUnauthorized(rejectedToken: string, request: UnauthorizedRequest, signal?: AbortSignal): Promise<string>;
}

/** Credentials of an Akeneo Connection (password grant). */
export interface PasswordCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

/**
 * How the client authenticates: a Connection's four credentials, or a Connected-App access token, given
 * as is or as a loader called once, on the first request (e.g. reading it from the state store).
 */
export type AuthOptions =
  | ({ type: "password" } & PasswordCredentials)
  | { type: "app"; accessToken: string }
  | { type: "app"; loadAccessToken: () => Promise<string> };
