/** The Akeneo client's public types (the factory is in create-akeneo-client.ts). */
import type { RequestLabel } from "../http/create-http-error.js";
import type { Readable } from "node:stream";
import type { AkeneoErrorDetail, ErrorCode } from "../errors.js";
import type { HttpRequest, HttpResponse } from "../http/http-request.js";
import type { RequestStats } from "../http/request-stats.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";

/** One Akeneo resource as it arrives (standard format, `_links` included). */
export type AkeneoRecord = Record<string, unknown>;

/** One condition of a `search` filter (NOTES §4). */
export interface SearchCondition {
  operator: string;
  value?: unknown;
  locale?: string;
  scope?: string;
  locales?: string[];
}

/** The `search` query parameter: property or attribute code → conditions, all ANDed. */
export type SearchFilter = Record<string, SearchCondition[]>;

/** Parameters of a list (query, filters, nested path values). */
export interface ListParams {
  /** Items per page, 1 to 100. Default 100. */
  pageSize?: number;
  search?: SearchFilter;
  /** `scope=<channel>` on product lists. It also drops products outside the channel's tree (USERS.md #8). */
  scope?: string;
  /** `locales=a,b`: which localized values are returned. */
  locales?: string[];
  /** `attributes=a,b`: which attribute values are returned. */
  attributes?: string[];
  /** Values for path placeholders of nested entities, e.g. `{ attribute_code: "color" }`. */
  pathParams?: Record<string, string>;
  /** Extra raw query parameters (e.g. `with_attribute_options: "true"`); they win over the above. */
  query?: Record<string, string>;
  /** Decode each list response elsewhere (a worker thread); default: parsed on this thread (parse-page.ts). */
  decode?: PageDecoder;
  /**
   * `iteratePages`: request each next page as soon as a response's leading `_links` have arrived,
   * before the rest of it, so one request runs ahead of the consumer.
   */
  readAhead?: boolean;
  signal?: AbortSignal;
}

/** A list response's body, with what it takes to report a bad body exactly as the client would. */
export interface PageBody {
  /** The JSON body's bytes (UTF-8), decoded where the page is parsed. */
  body: Uint8Array;
  status: number;
  contentType: string;
  label: RequestLabel;
}

/** Items and raw next href of a list response (see `decodePageBody`). */
export type PageDecoder = (page: PageBody) => Promise<{ items: AkeneoRecord[]; nextHref?: string }>;

/** One page of a list. */
export interface Page {
  items: AkeneoRecord[];
  /** Absolute URL of the next page on this client's base URL (checkpoint it, resume with `startUrl`); absent on the last page. */
  nextUrl?: string;
}

/** The outcome of one input item of `upsertBatch`. */
export interface UpsertResult {
  /** Position of the item in the input array. */
  index: number;
  /** The item's key (uuid, identifier or code), from Akeneo's line or from the item. */
  key?: string;
  outcome: "created" | "updated" | "rejected";
  /** Akeneo's per-line status (201, 204, 4xx), the request's status for a whole-chunk rejection, 0 when no line came back. */
  status: number;
  /** Set on rejections: `BATCH_ITEM_REJECTED` (Akeneo refused the line), `BATCH_TRUNCATED` (no line came back), or the request's error code. */
  code?: ErrorCode;
  message?: string;
  errors?: AkeneoErrorDetail[];
}

/** A buffered media file. */
export interface MediaDownload {
  body: Uint8Array;
  contentType: string;
  filename?: string;
}

/** A streamed media file. */
export interface MediaStream {
  stream: Readable;
  contentType: string;
  filename?: string;
}

/** Where an uploaded media file is attached (NOTES §7, product media files). */
export interface MediaUpload {
  file: Uint8Array | Blob;
  filename: string;
  /** MIME type of `file`. Default `application/octet-stream` (a Blob's own type wins). */
  contentType?: string;
  product?: { identifier?: string; uuid?: string; attribute: string; scope?: string | null; locale?: string | null };
  productModel?: { code: string; attribute: string; scope?: string | null; locale?: string | null };
  signal?: AbortSignal;
}

/** The client of one Akeneo PIM: generic resources over entity definitions, plus raw requests. */
export interface AkeneoClient {
  /** Any API call, through the whole pipeline (auth, throttle, retry). `path` is relative to the base URL. */
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>;
  /** The first page of a list (or of `startUrl`). */
  listPage(def: EntityDefinition, params?: ListParams & { startUrl?: string }): Promise<Page>;
  /** Pages, lazily: the next page is requested only when the consumer asks for it. */
  iteratePages(def: EntityDefinition, params?: ListParams & { startUrl?: string }): AsyncIterable<Page>;
  /** Items across pages, lazily (one page in memory at a time). */
  iterate(def: EntityDefinition, params?: ListParams & { startUrl?: string }): AsyncIterable<AkeneoRecord>;
  /** One record by key; `pathParams` for nested entities. */
  get(def: EntityDefinition, key: string, pathParams?: Record<string, string>, options?: { signal?: AbortSignal }): Promise<AkeneoRecord>;
  /** Upsert through the collection PATCH: one result per input item, in input order. Rejections are results, not throws. */
  upsertBatch(def: EntityDefinition, items: readonly AkeneoRecord[], pathParams?: Record<string, string>, options?: { signal?: AbortSignal }): Promise<UpsertResult[]>;
  /** A product media file by code, buffered. */
  downloadMedia(code: string, options?: { stream?: false; signal?: AbortSignal }): Promise<MediaDownload>;
  /** A product media file by code, as a stream (consume or destroy it). */
  downloadMedia(code: string, options: { stream: true; signal?: AbortSignal }): Promise<MediaStream>;
  /** Upload a product (or product model) media file; resolves to the new file's code, read from `Location`. */
  uploadMedia(upload: MediaUpload): Promise<{ code: string; location: string }>;
  /** Counters since the client was created. */
  stats(): RequestStats;
  /** Close the connections (only when the client created its own dispatcher). */
  close(): Promise<void>;
}
