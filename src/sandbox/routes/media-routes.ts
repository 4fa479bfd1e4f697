/**
 * `/media-files`: list (offset), get, `/download` (binary), and the multipart upload, which stores
 * the file, sets it as the given attribute value of a product or product model, and answers 201 with
 * only a `Location` header naming the new code.
 */
import { randomBytes } from "node:crypto";
import { mediaBytes, mediaCode } from "../catalog/generate-media.js";
import type { MediaFileRecord } from "../catalog/types.js";
import { httpError, isPlainObject } from "../http/akeneo-error.js";
import { parseListParams } from "../http/list-params.js";
import { MULTIPART_TYPE, requireContentType } from "../http/media-types.js";
import { parseMultipart, type FormPart } from "../http/multipart.js";
import { buildEnvelope, collectPage, linkQuery } from "../http/paginate.js";
import { readBody } from "../http/read-body.js";
import { sendJson } from "../http/respond.js";
import { encodePath, upsertProduct } from "../write/upsert-product.js";
import { upsertProductModel } from "../write/upsert-product-model.js";
import type { UpsertResult } from "../write/upsert-result.js";
import type { Route, RouteContext } from "./router.js";
import { sendWriteResult } from "./write-response.js";

const LIST = "/api/rest/v1/media-files";

/** The routes of `/media-files` (download before get: codes contain slashes). */
export function mediaRoutes(): Route[] {
  return [
    { method: "GET", pattern: LIST, name: "pim_api_media_file_list", handle: listMedia },
    { method: "POST", pattern: LIST, name: "pim_api_media_file_create", handle: uploadMedia },
    { method: "GET", pattern: `${LIST}/{code+}/download`, name: "pim_api_media_file_download", binary: true, handle: downloadMedia },
    { method: "GET", pattern: `${LIST}/{code+}`, name: "pim_api_media_file_get", handle: (ctx) => sendJson(ctx.res, 200, mediaItem(ctx, findMedia(ctx))) },
  ];
}

function mediaItem(ctx: RouteContext, file: MediaFileRecord): Record<string, unknown> {
  const href = `${ctx.base}${LIST}/${encodePath(file.code)}`;
  return {
    _links: { self: { href }, download: { href: `${href}/download` } },
    code: file.code, original_filename: file.original_filename, mime_type: file.mime_type, size: file.size, extension: file.extension,
  };
}

function listMedia(ctx: RouteContext): void {
  const params = parseListParams(ctx.query, false);
  const page = collectPage(ctx.sandbox.store.mediaFiles, params, () => true);
  const items = page.items.map((f) => mediaItem(ctx, f));
  sendJson(ctx.res, 200, buildEnvelope({ listUrl: `${ctx.base}${LIST}`, query: linkQuery(ctx.query, params, false), params, items, count: page.count }));
}

function findMedia(ctx: RouteContext): MediaFileRecord {
  const code = ctx.params["code"] as string;
  const file = ctx.sandbox.store.mediaFiles.get(code);
  if (!file) throw httpError(404, `Media file "${code}" does not exist.`);
  return file;
}

function downloadMedia(ctx: RouteContext): void {
  const file = findMedia(ctx);
  const bytes = mediaBytes(file);
  ctx.res.writeHead(200, {
    "content-type": file.mime_type, "content-length": bytes.length,
    "content-disposition": `attachment; filename="${file.original_filename.replace(/"/g, "")}"`,
  });
  ctx.res.end(bytes);
}

async function uploadMedia(ctx: RouteContext): Promise<void> {
  requireContentType(ctx.req, MULTIPART_TYPE);
  const parts = parseMultipart(await readBody(ctx.req), ctx.req.headers["content-type"] ?? "");
  const file = parts.find((p) => p.name === "file" && p.filename !== undefined);
  if (!file) throw httpError(422, 'Property "file" is required.');
  const target = parseTarget(parts);
  const { store } = ctx.sandbox;
  const filename = file.filename || "file";
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? "";
  const record: MediaFileRecord = {
    code: mediaCode(`upload:${randomBytes(16).toString("hex")}`, filename),
    original_filename: filename, mime_type: file.contentType ?? "application/octet-stream", size: file.data.length, extension, seed: 0, bytes: new Uint8Array(file.data),
  };
  if (target) {
    const attribute = store.attributes.get(target.attribute);
    if (!attribute || (attribute.type !== "pim_catalog_image" && attribute.type !== "pim_catalog_file")) {
      throw httpError(422, `Attribute "${target.attribute}" does not exist or is not a media attribute.`);
    }
    if (attribute.allowed_extensions.length > 0 && !attribute.allowed_extensions.includes(extension)) {
      const message = `The ${extension} file extension is not allowed for the ${attribute.code} attribute. Allowed extensions are ${attribute.allowed_extensions.join(", ")}.`;
      const detail = { property: "values", message, attribute: attribute.code, locale: target.locale, scope: target.scope };
      throw httpError(422, "Validation failed.", { errors: [detail] });
    }
  }
  store.mediaFiles.set(record);
  const result = target ? attach(ctx, target, record.code) : { status: 201 };
  if (result.status !== 201 && result.status !== 204) {
    store.mediaFiles.delete(record.code);
    sendWriteResult(ctx, result);
    return;
  }
  sendWriteResult(ctx, { status: 201, location: `${LIST}/${encodePath(record.code)}` });
}

interface Target { kind: "product" | "product_model"; key: Record<string, unknown>; attribute: string; scope: string | null; locale: string | null }

function parseTarget(parts: FormPart[]): Target | undefined {
  const product = parts.find((p) => p.name === "product");
  const model = parts.find((p) => p.name === "product_model");
  if (product && model) throw httpError(422, 'You should give either a "product" or a "product_model" key.');
  const part = product ?? model;
  if (!part) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(part.data.toString("utf8"));
  } catch {
    throw httpError(400, "Invalid json message received");
  }
  if (!isPlainObject(parsed) || typeof parsed["attribute"] !== "string") throw httpError(422, `Property "${part.name}" expects a JSON object with the key "attribute".`);
  const dim = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return { kind: part.name as Target["kind"], key: parsed, attribute: parsed["attribute"], scope: dim(parsed["scope"]), locale: dim(parsed["locale"]) };
}

function attach(ctx: RouteContext, target: Target, code: string): UpsertResult {
  const { store } = ctx.sandbox;
  const values = { [target.attribute]: [{ locale: target.locale, scope: target.scope, data: code }] };
  if (target.kind === "product_model") {
    const modelCode = String(target.key["code"] ?? "");
    if (!store.productModels.has(modelCode)) throw httpError(422, `Product model "${modelCode}" does not exist.`);
    return upsertProductModel(store, { values }, { urlKey: modelCode });
  }
  const uuid = typeof target.key["uuid"] === "string" ? target.key["uuid"].toLowerCase() : undefined;
  const identifier = String(target.key["identifier"] ?? "");
  const product = uuid !== undefined ? store.products.get(uuid) : store.productByIdentifier(identifier);
  if (!product) throw httpError(422, `Product "${uuid ?? identifier}" does not exist.`);
  return upsertProduct(store, { values }, { mode: "uuid", urlKey: product.uuid });
}
