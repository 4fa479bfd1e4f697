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
    return { status: "pass", message: "the Connected App's access token is accepted" };
  } catch (error) {
    if (isConnectorError(error) && (error.code === "AUTH_REVOKED" || error.status === 401)) {
      return { status: "fail", message: `the Connected App's access token was refused: ${error.message}`, fix: AUTHORIZE_AGAIN, details: { code: error.code } };
    }
    if (isHttpError(error) && (error.status === 403 || error.status === 404)) {
      return { status: "pass", message: `the Connected App's access token is accepted (reading ${entity} answered ${error.status}: see permissions)` };
    }
    const code = isConnectorError(error) ? error.code : "INTERNAL";
    return { status: "fail", message: isConnectorError(error) ? error.message : String(error), fix: "a temporary failure: run the verification again", details: { code } };
  }
}
