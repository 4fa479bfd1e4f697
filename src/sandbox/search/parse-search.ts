/**
 * The `search` query parameter: `{"<property>":[{"operator","value","locale"?,"scope"?,"locales"?}]}`,
 * checked with Akeneo's messages (400 for invalid JSON, 422 for a wrong structure).
 */
import { httpError, isPlainObject, phpType } from "../http/akeneo-error.js";

/** One filter of one property. All clauses are ANDed. */
export interface SearchClause {
  field: string;
  operator: string;
  value: unknown;
  hasValue: boolean;
  locale?: string;
  scope?: string;
  locales?: string[];
}

/** Parse `search`; no parameter means no clauses. */
export function parseSearch(raw: string | null): SearchClause[] {
  if (raw === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw httpError(400, "Search query parameter should be valid JSON.");
  }
  if (Array.isArray(parsed) && parsed.length === 0) return [];
  if (!isPlainObject(parsed)) throw httpError(422, `Search query parameter has to be an array, "${phpType(parsed)}" given.`);
  const clauses: SearchClause[] = [];
  for (const [field, filters] of Object.entries(parsed)) {
    if (!Array.isArray(filters) || filters.length === 0 || !isPlainObject(filters[0])) {
      throw httpError(422, `Structure of filter "${field}" should respect this structure: {"${field}":[{"operator": "my_operator", "value": "my_value"}]}`);
    }
    for (const filter of filters as unknown[]) {
      if (!isPlainObject(filter) || filter["operator"] === undefined || filter["operator"] === null) {
        throw httpError(422, `Operator is missing for the property "${field}".`);
      }
      if (typeof filter["operator"] !== "string") throw httpError(422, `Operator has to be a string, "${phpType(filter["operator"])}" given.`);
      if (filter["locales"] !== undefined && !Array.isArray(filter["locales"])) {
        throw httpError(422, `Property "${field}" expects an array with the key "locales".`);
      }
      const clause: SearchClause = { field, operator: filter["operator"].toUpperCase(), value: filter["value"], hasValue: "value" in filter };
      if (typeof filter["locale"] === "string") clause.locale = filter["locale"];
      if (typeof filter["scope"] === "string") clause.scope = filter["scope"];
      if (Array.isArray(filter["locales"])) clause.locales = (filter["locales"] as unknown[]).map(String);
      clauses.push(clause);
    }
  }
  return clauses;
}

/** 422 "Filter on property … is not supported or does not support operator …". */
export function unsupportedFilter(field: string, operator: string): Error {
  return httpError(422, `Filter on property "${field}" is not supported or does not support operator "${operator}"`);
}
