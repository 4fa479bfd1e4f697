/**
 * Check 3: a token is obtained with the four credentials (NOTES §1a). Akeneo's token endpoint answers
 * 422 with a message that tells a wrong client id/secret from a wrong username/password; the client's
 * auth room turns those into AUTH_INVALID_CLIENT and AUTH_INVALID_CREDENTIALS, and this check branches
 * on the codes. The grant is forced (request-token.ts): a token in a store proves nothing about the
 * credentials as configured now. A Connected App has no grant to force: its stored token is tried
 * (verify-app-token.ts). No secret is ever printed: errors are redacted when built.
 */
import { describeError, isConnectorError, isHttpError, type ConnectorError } from "../errors.js";
import { requestToken } from "./request-token.js";
import { verifyAppToken } from "./verify-app-token.js";
import { requireSubscription } from "./require-subscription.js";
import type { CheckOutcome, VerifyCheck } from "./verify-types.js";

const CONNECTION_SCREEN = "Connect → Connection settings → your connection";

const FIXES: Readonly<Record<string, string>> = {
  AUTH_INVALID_CLIENT: `check clientId and clientSecret: copy both again from ${CONNECTION_SCREEN} (no spaces or line breaks)`,
  AUTH_INVALID_CREDENTIALS:
    `check username and password: they are the connection's API user (not your own login), from ${CONNECTION_SCREEN}; ` +
    "if the password was lost, regenerate it there and update the password field",
  AUTH_INVALID_CREDENTIALS_OR_CLIENT: `check clientId, clientSecret, username and password against ${CONNECTION_SCREEN}`,
  NOT_AKENEO: "check baseUrl: the token endpoint did not answer like Akeneo's",
};

const WHAT: Readonly<Record<string, string>> = {
  AUTH_INVALID_CLIENT: "the client id or secret was rejected",
  AUTH_INVALID_CREDENTIALS: "the username or password was rejected",
  AUTH_INVALID_CREDENTIALS_OR_CLIENT: "the credentials were rejected",
};

/** Attempts of the token request when it fails transiently (5xx, 429, reset). */
const ATTEMPTS = 2;

/** `authentication`: a password grant with the configured credentials, never a stored token (App: the stored App token). */
export const authentication: VerifyCheck = {
  name: "authentication",
  title: "Credentials are accepted",
  dependsOn: ["api-reachable"],
  async run(ctx) {
    const { config, subscription } = requireSubscription(ctx);
    const credentials = config.credentials;
    if (credentials.authMode === "app") return verifyAppToken(subscription, ctx.signal);
    const { baseUrl, clientId, clientSecret, username, password } = credentials;
    const options = { clock: ctx.clock, ...(ctx.dispatcher ? { dispatcher: ctx.dispatcher } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) };
    for (let attempt = 1; ; attempt++) {
      try {
        await requestToken(baseUrl, { clientId, clientSecret, username, password }, options);
        return { status: "pass", message: `token obtained for API user ${username} (client ${clientId})`, details: { attempts: attempt } };
      } catch (error) {
        if (attempt >= ATTEMPTS || !isConnectorError(error) || !error.retryable) return authFailure(error);
        const retryAfterMs = isHttpError(error) ? error.retryAfterMs : undefined;
        await ctx.clock.sleep(Math.min(retryAfterMs ?? 1000, 10_000), ctx.signal);
      }
    }
  },
};

function authFailure(error: unknown): CheckOutcome {
  if (!isConnectorError(error)) return { status: "fail", message: describeError(error), fix: "this is a bug in the connector: report it with this message" };
  const code = error.code;
  const akeneo = akeneoMessageOf(error);
  const said = akeneo ? `: Akeneo says "${akeneo}"` : `: ${error.message}`;
  const what = WHAT[code] ?? "no token could be obtained";
  const fix = FIXES[code] ?? (error.retryable ? "a temporary failure: run the verification again" : "see the message: check baseUrl and the four credential fields");
  return { status: "fail", message: `${what}${said}`, fix, details: { code, ...(error.status === undefined ? {} : { status: error.status }) } };
}

/** Akeneo's own message, kept in the typed error's cause (an HttpError from the token endpoint). */
function akeneoMessageOf(error: ConnectorError): string | undefined {
  if (isHttpError(error) && error.akeneoMessage) return error.akeneoMessage;
  const cause = error.cause;
  return isHttpError(cause) ? cause.akeneoMessage : undefined;
}
