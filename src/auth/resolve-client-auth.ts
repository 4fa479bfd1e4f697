/**
 * The client's `auth` option for a subscription's credentials: the password grant for a Connection,
 * the stored access token for a Connected App (given, or read from the state store on the first
 * request). An App config without a token is a configuration error (exit 2, nothing sent) that says
 * how to obtain one.
 */
import type { SubscriptionCredentials } from "../config/subscription-config.js";
import { ConnectorError } from "../errors.js";
import type { StateStore } from "../state/state-store.js";
import type { AuthOptions } from "./authenticator.js";
import { assertTokenOwner, loadAppToken, type AppToken } from "./load-app-token.js";

/**
 * `auth` for `createAkeneoClient`. App mode only: `appToken` is the stored token (`loadAppToken`) or
 * the bare access token; without it, the token is read from `state` on the first request; without
 * either, this throws AUTH_APP_TOKEN_MISSING (kind config).
 */
export function resolveClientAuth(credentials: SubscriptionCredentials, appToken?: AppToken | string, state?: StateStore): AuthOptions {
  if (credentials.authMode !== "app") {
    const { clientId, clientSecret, username, password } = credentials;
    return { type: "password", clientId, clientSecret, username, password };
  }
  if (appToken === undefined && state !== undefined) {
    return { type: "app", loadAccessToken: async () => ((await loadAppToken(state, credentials)) ?? missingToken()).accessToken };
  }
  if (appToken === undefined) missingToken();
  if (typeof appToken === "string") return { type: "app", accessToken: appToken };
  assertTokenOwner(appToken, credentials);
  return { type: "app", accessToken: appToken.accessToken };
}

function missingToken(): never {
  throw new ConnectorError(
    "[config] this config uses a Connected App (authMode \"app\") but no App access token was found: " +
      "run akeneo-connector app authorize --config <file> --state <dir>, then run with the same --state <dir>",
    { code: "AUTH_APP_TOKEN_MISSING", kind: "config" },
  );
}
