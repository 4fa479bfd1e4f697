/**
 * Product media files (NOTES §7): download by code (binary, buffered or streamed) and multipart upload,
 * whose new code is only in the `Location` header (`…/media-files/<code>`; codes contain slashes).
 */
import type { Readable } from "node:stream";
import { FormData } from "undici";
import { ConnectorError } from "../errors.js";
import type { ResponseHeaders } from "../http/http-request.js";
import type { MediaDownload, MediaStream, MediaUpload } from "./akeneo-client.js";
import { encodePathSegment } from "./fill-path.js";
import type { ResourceContext } from "./resource-context.js";

const MEDIA_PATH = "/api/rest/v1/media-files";

function first(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The filename of a `Content-Disposition` header (`filename*=UTF-8''…` preferred). */
export function parseContentDispositionFilename(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value);
  if (extended?.[1]) return decodeURIComponent(extended[1].trim());
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(value);
  return plain?.[1]?.trim();
}

/** Download the media file `code`, buffered or (with `stream: true`) as a stream. */
export async function downloadMedia(ctx: ResourceContext, code: string, options: { stream?: boolean; signal?: AbortSignal } = {}): Promise<MediaDownload | MediaStream> {
  const response = await ctx.execute({
    method: "GET",
    path: `${MEDIA_PATH}/${encodePathSegment(code)}/download`,
    responseType: options.stream ? "stream" : "buffer",
    area: "[akeneo]",
    what: "media download failed",
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const contentType = first(response.headers, "content-type") ?? "application/octet-stream";
  const filename = parseContentDispositionFilename(first(response.headers, "content-disposition"));
  const meta = { contentType, ...(filename === undefined ? {} : { filename }) };
  return options.stream ? { stream: response.body as Readable, ...meta } : { body: response.body as Uint8Array, ...meta };
}

/** The media code at the end of a `Location` header. */
export function mediaCodeFromLocation(location: string): string | undefined {
  const match = /\/media-files\/(.+?)\/?$/.exec(new URL(location, "http://placeholder").pathname);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

/** Upload a media file attached to a product or product model value. */
export async function uploadMedia(ctx: ResourceContext, upload: MediaUpload): Promise<{ code: string; location: string }> {
  const form = new FormData();
  if (upload.product) form.set("product", JSON.stringify({ scope: null, locale: null, ...upload.product }));
  if (upload.productModel) form.set("product_model", JSON.stringify({ scope: null, locale: null, ...upload.productModel }));
  const blob = upload.file instanceof Blob ? upload.file : new Blob([upload.file], { type: upload.contentType ?? "application/octet-stream" });
  form.set("file", blob, upload.filename);
  const response = await ctx.execute({
    method: "POST",
    path: MEDIA_PATH,
    body: form as unknown as globalThis.FormData,
    responseType: "text",
    area: "[akeneo]",
    what: "media upload failed",
    ...(upload.signal ? { signal: upload.signal } : {}),
  });
  const location = first(response.headers, "location") ?? "";
  const code = mediaCodeFromLocation(location);
  if (code === undefined) {
    throw new ConnectorError(`[akeneo] media upload failed: POST ${MEDIA_PATH} → ${response.status} without a Location header naming the new file`, {
      code: "RESPONSE_INVALID",
      kind: "bug",
      status: response.status,
      method: "POST",
      url: MEDIA_PATH,
    });
  }
  return { code, location };
}
