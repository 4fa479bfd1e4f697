/** The query parameters of a list request (NOTES §3): pagination mode, page size, filters, value shaping. */
import { ConnectorError } from "../errors.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { ListParams } from "./akeneo-client.js";

/** Query parameters for the first page of `def`; also re-added to next links that lost them. */
export function buildListQuery(def: EntityDefinition, params: ListParams): Record<string, string> {
  const pageSize = params.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new ConnectorError(`[akeneo] page size must be an integer from 1 to 100, got ${pageSize}`, { code: "CONFIG_INVALID", kind: "config" });
  }
  const query: Record<string, string> = {};
  // search_after has no 10,000-item cap and no duplicates; offset is the only mode elsewhere.
  if (def.pagination === "search_after") query.pagination_type = "search_after";
  query.limit = String(pageSize);
  if (params.search && Object.keys(params.search).length > 0) query.search = JSON.stringify(params.search);
  if (params.scope) query.scope = params.scope;
  if (params.locales?.length) query.locales = params.locales.join(",");
  if (params.attributes?.length) query.attributes = params.attributes.join(",");
  return { ...query, ...params.query };
}
