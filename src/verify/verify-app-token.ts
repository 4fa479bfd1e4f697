import { compareScopes } from "../auth/compare-scopes.js";
import { loadAppToken } from "../auth/load-app-token.js";
import { requiredAppScopes } from "../auth/required-app-scopes.js";
import { isConnectorError, isHttpError } from "../errors.js";
import type { Subscription } from "../flows/subscription.js";
import { getEntityDefinition } from "../manifest/entity-definitions.js";
import type { CheckOutcome } from "./verify-types.js";

const AUTHORIZE_AGAIN =
  "authorize the app again: akeneo-connector app authorize --config <file> --state <dir> (a PIM administrator approves it), then verify with the same --state <dir>";

/**
 * The authentication check of a Connected App (authMode "app"): there is no grant to force, the
 * stored access token is the credential (NOTES §1b). One authenticated read proves it: a 401 means the
 * app was disconnected or revoked; a 403 or 404 means the token is good and permissions will say more.
 */
export async function verifyAppToken(subscription: Subscription, signal?: AbortSignal): Promise<CheckOutcome> {
  const { entities, productIdFormat } = subscription.config.settings;
  const entity = entities.find((name) => !getEntityDefinition(name).parent) ?? entities[0]!;
  const def = getEntityDefinition(entity, { productIdFormat });
  try {
    if (def.parent) await subscription.client.request({ method: "GET", path: "/api/rest/v1/channels", query: { limit: 1 }, ...(signal ? { signal } : {}) });
    else await subscription.client.listPage(def, { pageSize: 1, ...(signal ? { signal } : {}) });
    return await compareGrantedScopes(subscription, "the Connected App's access token is accepted");
  } catch (error) {
    if (isConnectorError(error) && (error.code === "AUTH_REVOKED" || error.status === 401)) {
      return { status: "fail", message: `the Connected App's access token was refused: ${error.message}`, fix: AUTHORIZE_AGAIN, details: { code: error.code } };
    }
    if (isHttpError(error) && (error.status === 403 || error.status === 404)) {
      return await compareGrantedScopes(subscription, `the Connected App's access token is accepted (reading ${entity} answered ${error.status}: see permissions)`);
    }
    const code = isConnectorError(error) ? error.code : "INTERNAL";
    return { status: "fail", message: isConnectorError(error) ? error.message : String(error), fix: "a temporary failure: run the verification again", details: { code } };
  }
}

/**
 * The scopes the PIM granted (stored with the token) against the least the enabled entities and
 * their directions need: a missing scope fails (the reads or writes that need it will be refused),
 * extra scopes pass with a note (least privilege is the app's choice, not a malfunction).
 */
async function compareGrantedScopes(subscription: Subscription, accepted: string): Promise<CheckOutcome> {
  const token = await loadAppToken(subscription.state, subscription.config.credentials);
  const required = requiredAppScopes(subscription.config.settings.entities);
  if (!token) return { status: "pass", message: accepted, details: { requiredScopes: required } };
  const { missing, extra } = compareScopes(token.scopes, required);
  const details = { grantedScopes: token.scopes, requiredScopes: required, missingScopes: missing, extraScopes: extra };
  if (missing.length > 0) {
    return {
      status: "fail",
      message: `${accepted}, but it lacks the scopes ${missing.join(", ")} that the enabled entities need (granted: ${token.scopes.join(" ") || "none"})`,
      fix: `${AUTHORIZE_AGAIN}; the authorization asks for every scope settings.entities needs`,
      details,
    };
  }
  const note = extra.length > 0 ? `; also granted, not needed: ${extra.join(", ")}` : "";
  return { status: "pass", message: `${accepted}; granted scopes cover what the enabled entities need (${required.join(", ")})${note}`, details };
}
