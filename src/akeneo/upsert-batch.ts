/**
 * Upserts through the collection PATCH (NOTES §6): chunks of at most `def.batch.maxItems`, sent concurrently
 * within the throttle (and the entity's own write limiter, e.g. 3 req/s for attribute options). Every input
 * item gets exactly one result, in input order: a per-line 422 is a result, not a throw. A chunk refused as
 * too large (413, or a 403 from the SaaS edge) is split in half and sent again.
 */
import { ConnectorError, isHttpError, type HttpError } from "../errors.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { AkeneoRecord, UpsertResult } from "./akeneo-client.js";
import { chunkItems } from "./chunk-items.js";
import { fillPath } from "./fill-path.js";
import { parseBatchResponse } from "./parse-batch-response.js";
import type { ResourceContext } from "./resource-context.js";

type Batch = NonNullable<EntityDefinition["batch"]>;

interface ChunkTarget {
  ctx: ResourceContext;
  def: EntityDefinition;
  batch: Batch;
  path: string;
  signal: AbortSignal | undefined;
}

const CONTENT_TYPES = { ndjson: "application/vnd.akeneo.collection+json", "json-array": "application/json" } as const;

/** A 413, or a 403 that is not Akeneo's permission message (a SaaS edge answering "too large"). */
export function isPayloadTooLarge(error: unknown): error is HttpError {
  if (!isHttpError(error)) return false;
  if (error.status === 413) return true;
  return error.status === 403 && (error.akeneoMessage === undefined || /too large|payload/i.test(error.akeneoMessage));
}

/** `_links` is read-only output; the PHP client strips it before sending a resource back. */
function stripLinks(item: AkeneoRecord): AkeneoRecord {
  if (!("_links" in item)) return item;
  const { _links: _ignored, ...rest } = item;
  return rest;
}

function serialize(format: Batch["format"], items: readonly AkeneoRecord[]): string {
  return format === "ndjson" ? items.map((item) => JSON.stringify(item)).join("\n") : JSON.stringify(items);
}

function rejectAll(items: readonly AkeneoRecord[], offset: number, keyField: string, error: HttpError): UpsertResult[] {
  return items.map((item, position) => {
    const key = item[keyField];
    return {
      index: offset + position,
      ...(typeof key === "string" ? { key } : {}),
      outcome: "rejected",
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.errors.length > 0 ? { errors: error.errors } : {}),
    };
  });
}

async function sendChunk(target: ChunkTarget, items: AkeneoRecord[], offset: number): Promise<UpsertResult[]> {
  const { ctx, def, batch } = target;
  try {
    const response = await ctx.execute({
      method: "PATCH",
      path: target.path,
      body: serialize(batch.format, items),
      contentType: CONTENT_TYPES[batch.format],
      responseType: "text",
      acceptPartialBody: true,
      limiter: ctx.limiterFor(def),
      area: "[akeneo]",
      what: `upsert of ${items.length} ${def.name} failed`,
      ...(target.signal ? { signal: target.signal } : {}),
    });
    return parseBatchResponse(batch.format, response.body as string, items, offset, def.key);
  } catch (error) {
    if (isPayloadTooLarge(error) && items.length > 1) {
      const half = Math.ceil(items.length / 2);
      const [first, second] = await Promise.all([sendChunk(target, items.slice(0, half), offset), sendChunk(target, items.slice(half), offset + half)]);
      return [...first, ...second];
    }
    // The whole request was refused for its content (400, 413, 422): each item is rejected with that reason.
    if (isHttpError(error) && (error.kind === "data" || isPayloadTooLarge(error))) return rejectAll(items, offset, def.key, error);
    throw error;
  }
}

/** Upsert `items` into `def`'s collection; one result per item, `index` = input position. */
export async function upsertBatch(ctx: ResourceContext, def: EntityDefinition, items: readonly AkeneoRecord[], pathParams?: Record<string, string>, signal?: AbortSignal): Promise<UpsertResult[]> {
  const batch = def.batch;
  if (!batch) throw new ConnectorError(`[akeneo] ${def.name} is read-only: it has no batch endpoint`, { code: "INTERNAL", kind: "bug" });
  const target: ChunkTarget = { ctx, def, batch, path: fillPath(def.paths.batch ?? def.paths.list, pathParams), signal };
  const chunks = chunkItems(items.map(stripLinks), batch.maxItems);
  const settled = await Promise.allSettled(chunks.map((chunk) => sendChunk(target, chunk.items, chunk.offset)));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.flatMap((s) => (s.status === "fulfilled" ? s.value : []));
}
