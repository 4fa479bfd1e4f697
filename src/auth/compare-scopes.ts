/**
 * Granted scopes (from an App token) against the scopes a subscription needs: what is missing (the
 * runs that will answer 403) and what was granted beyond the need (least privilege). A write scope
 * includes its read scope on both sides; the OpenID scopes grant no API access and are never "extra".
 */
import { expandScopes } from "./required-app-scopes.js";

/** The outcome of `compareScopes`; both lists sorted, empty when the grant fits exactly. */
export interface ScopeComparison {
  /** Required scopes the grant does not include: authorize the app again asking for them. */
  missing: string[];
  /** Granted scopes no enabled entity needs. */
  extra: string[];
}

const IDENTITY_SCOPES = new Set(["openid", "profile", "email"]);

/** Compare `granted` (a token's scopes) with `required` (e.g. `requiredAppScopes(config.settings.entities)`). */
export function compareScopes(granted: Iterable<string>, required: Iterable<string>): ScopeComparison {
  const grantedList = [...new Set(granted)];
  const requiredList = [...new Set(required)];
  const grants = expandScopes(grantedList);
  const needs = expandScopes(requiredList);
  return {
    missing: requiredList.filter((scope) => !grants.has(scope)).sort(),
    extra: grantedList.filter((scope) => !needs.has(scope) && !IDENTITY_SCOPES.has(scope)).sort(),
  };
}
