/**
 * Search filters from typed inputs (NOTES §4): the delta filter on `updated`, formatted the way the
 * entity's definition says, and the subscription's server-side filters. A filter the entity does not list in
 * `def.filters` is left out (it cannot apply server-side for that entity).
 */
import { ConnectorError } from "../errors.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { SearchCondition, SearchFilter } from "./akeneo-client.js";
import { formatAkeneoDate } from "./format-akeneo-date.js";

/** Typed filter inputs; dates are instants, formatted in UTC. */
export interface SearchInput {
  /** `updated > date` (the incremental pull). */
  updatedAfter?: Date;
  /** `updated BETWEEN [from, to]`. */
  updatedBetween?: [Date, Date];
  enabled?: boolean;
  /** `family IN […]`; empty means no filter. */
  families?: string[];
  /** `categories IN […]`; empty means no filter. */
  categories?: string[];
  /** `completeness >= min` on `channel` (percent, 0–100). */
  completeness?: { channel: string; min: number };
  /** `uuid IN […]` (products only). */
  uuids?: string[];
}

type Delta = NonNullable<EntityDefinition["delta"]>;

function requireDelta(def: EntityDefinition, operator: Delta["operators"][number]): Delta {
  if (!def.delta?.operators.includes(operator)) {
    throw new ConnectorError(`[akeneo] ${def.name} cannot be filtered with updated ${operator}; read it in full instead`, { code: "INTERNAL", kind: "bug" });
  }
  return def.delta;
}

/** Build the `search` filter for a list of `def`. */
export function buildSearch(def: EntityDefinition, input: SearchInput): SearchFilter {
  const search: SearchFilter = {};
  const updated: SearchCondition[] = [];
  if (input.updatedAfter) updated.push({ operator: ">", value: formatAkeneoDate(input.updatedAfter, requireDelta(def, ">").format) });
  if (input.updatedBetween) {
    const { format } = requireDelta(def, "BETWEEN");
    updated.push({ operator: "BETWEEN", value: input.updatedBetween.map((date) => formatAkeneoDate(date, format)) });
  }
  if (updated.length > 0) search.updated = updated;
  const supports = (filter: EntityDefinition["filters"][number]) => def.filters.includes(filter);
  if (input.enabled !== undefined && supports("enabled")) search.enabled = [{ operator: "=", value: input.enabled }];
  if (input.families?.length && supports("families")) search.family = [{ operator: "IN", value: input.families }];
  if (input.categories?.length && supports("categories")) search.categories = [{ operator: "IN", value: input.categories }];
  if (input.completeness && supports("completeness")) {
    search.completeness = [{ operator: ">=", value: input.completeness.min, scope: input.completeness.channel }];
  }
  if (input.uuids?.length && def.name === "products") search.uuid = [{ operator: "IN", value: input.uuids }];
  return search;
}
