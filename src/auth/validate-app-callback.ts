/**
 * The callback of the Connected-App flow: the PIM sends the browser back with `?code=…&state=…`, or
 * with `?error=…&error_description=…&state=…` when the authorization was refused. The state is checked
 * first (constant-time): a callback whose state does not match may be forged (CSRF) and must never
 * reach the token exchange.
 */
import { timingSafeEqual } from "node:crypto";
import { ConnectorError } from "../errors.js";
import { registerSecret } from "../redact.js";

/**
 * The authorization code of a callback whose `state` matches `expectedState`. Throws
 * AUTH_STATE_MISMATCH (missing or different state), AUTH_APP_DENIED (an `error` parameter) or
 * AUTH_CODE_MISSING, each naming the cause.
 */
export function validateAppCallback(params: URLSearchParams, expectedState: string): string {
  const state = params.get("state");
  const error = params.get("error");
  if (state === null ? error === null : !sameText(state, expectedState)) {
    throw new ConnectorError(
      `[auth] the callback's state ${state === null ? "is missing" : "does not match the one this authorization sent"}: ` +
        "the request did not come from this authorization (possible CSRF, or an older browser tab); nothing was exchanged: open the new authorization URL",
      { code: "AUTH_STATE_MISMATCH", kind: "auth" },
    );
  }
  if (error !== null) {
    const description = params.get("error_description");
    throw new ConnectorError(
      `[auth] the PIM refused the authorization: error "${error}"${description ? ` (${description})` : ""}; ` +
        "check the clientId, and that the app is activated and its scopes approved in the PIM, then authorize again",
      { code: "AUTH_APP_DENIED", kind: "auth" },
    );
  }
  const code = params.get("code");
  if (code === null || code.trim() === "") {
    throw new ConnectorError("[auth] the callback has no authorization code (no `code` parameter): authorize again from the PIM", { code: "AUTH_CODE_MISSING", kind: "auth" });
  }
  registerSecret(code);
  return code;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
