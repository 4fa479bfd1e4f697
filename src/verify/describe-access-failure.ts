/**
 * A failed read of an entity, in words a person installing the connector can act on: a 403 names the
 * entity and the permission its role lacks (NOTES §8), a 404 points at the edition, version or
 * Enterprise permissions, anything else keeps the connector's own one-line message.
 */
import { describeError, isConnectorError, isHttpError } from "../errors.js";
import { describeMissingPermission } from "./entity-permissions.js";

/** What to report about one failed read. */
export interface AccessFailure {
  /** HTTP status, when there was one. */
  status?: number;
  code?: string;
  message: string;
  fix: string;
}

/** Describe `error`, raised while reading `entity` (`what` says which request, e.g. `list (limit 1)`). */
export function describeAccessFailure(entity: string, error: unknown, what: string, direction: "pull" | "push" = "pull"): AccessFailure {
  const code = isConnectorError(error) ? error.code : undefined;
  const where = isConnectorError(error) && error.method && error.url ? ` (${error.method} ${error.url.split("?")[0]})` : "";
  if (isHttpError(error) && error.status === 403) {
    const akeneo = error.akeneoMessage ? `: Akeneo says "${error.akeneoMessage}"` : "";
    return { status: 403, code: error.code, message: `${entity}: ${what} was refused with 403${where}${akeneo}`, fix: `${entity}: ${describeMissingPermission(entity, direction)}` };
  }
  if (isHttpError(error) && error.status === 404) {
    const akeneo = error.akeneoMessage ? `: Akeneo says "${error.akeneoMessage}"` : "";
    if (error.url?.startsWith("/api/rest/v1/products-uuid")) {
      const fix = `${entity}: this PIM has no /products-uuid endpoints (Akeneo before 7.0): set settings.productIdFormat to "identifier"`;
      return { status: 404, code: error.code, message: `${entity}: ${what} answered 404${where}${akeneo}`, fix };
    }
    return {
      status: 404,
      code: error.code,
      message: `${entity}: ${what} answered 404${where}${akeneo}`,
      fix: `${entity}: this PIM does not serve it (check the edition and version), or Enterprise permissions hide it from the connection's user: check the user's groups and category/locale permissions`,
    };
  }
  const status = isHttpError(error) ? error.status : undefined;
  return {
    ...(status === undefined ? {} : { status }),
    ...(code === undefined ? {} : { code }),
    message: `${entity}: ${what} failed: ${describeError(error)}`,
    fix: `${entity}: ${isConnectorError(error) && error.retryable ? "a temporary failure: run the verification again" : "see the message above"}`,
  };
}
