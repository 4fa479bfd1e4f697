/**
 * Pagination parameters, validated with Akeneo's own messages (PaginationParametersValidator):
 * `limit` 1..100 (default 10), `page` ≥ 1, `with_count` true/false, `pagination_type` page or
 * search_after (only where the endpoint supports it).
 */
import { httpError } from "./akeneo-error.js";

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

export interface ListParams {
  paginationType: "page" | "search_after";
  page: number;
  limit: number;
  withCount: boolean;
  /** The raw `search_after` cursor (search_after mode only). */
  searchAfter: string | null;
}

const isIntegerText = (text: string) => /^-?\d+$/.test(text) && String(Number.parseInt(text, 10)) === text;

/** Parse and validate; every failure is a 422 like Akeneo's. */
export function parseListParams(query: URLSearchParams, supportsSearchAfter: boolean): ListParams {
  const paginationType = query.get("pagination_type") ?? "page";
  if (paginationType !== "page" && paginationType !== "search_after") throw httpError(422, "Pagination type does not exist.");
  if (paginationType === "search_after" && !supportsSearchAfter) throw httpError(422, "Pagination type is not supported.");
  const limitText = query.get("limit");
  let limit = DEFAULT_LIMIT;
  if (limitText !== null) {
    if (!isIntegerText(limitText) || Number(limitText) < 1) throw httpError(422, `"${limitText}" is not a valid limit number.`);
    limit = Number(limitText);
    if (limit > MAX_LIMIT) throw httpError(422, `You cannot request more than ${MAX_LIMIT} items.`);
  }
  let page = 1;
  let withCount = false;
  if (paginationType === "page") {
    const pageText = query.get("page");
    if (pageText !== null) {
      if (!isIntegerText(pageText) || Number(pageText) < 1) throw httpError(422, `"${pageText}" is not a valid page number.`);
      page = Number(pageText);
    }
    const countText = query.get("with_count");
    if (countText !== null && countText !== "true" && countText !== "false") {
      throw httpError(422, `Parameter "with_count" has to be a boolean. Only "true" or "false" allowed, "${countText}" given.`);
    }
    withCount = countText === "true";
  }
  return { paginationType, page, limit, withCount, searchAfter: paginationType === "search_after" ? query.get("search_after") : null };
}
