/** A small `multipart/form-data` parser (enough for media-file uploads: a few fields and one file). */
import { httpError } from "./akeneo-error.js";

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Split a multipart body into parts; 400 when the boundary is missing or the body is malformed. */
export function parseMultipart(body: Buffer, contentTypeHeader: string): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentTypeHeader);
  if (!boundary) throw httpError(400, "The multipart boundary is missing.");
  const delimiter = Buffer.from(`--${(boundary[1] ?? boundary[2] ?? "").trim()}`);
  const parts: FormPart[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw httpError(400, "Invalid multipart body.");
  while (position >= 0) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const chunk = body.subarray(start + 2, next - 2);
    const headerEnd = chunk.indexOf("\r\n\r\n");
    if (headerEnd >= 0) parts.push(parsePart(chunk.subarray(0, headerEnd).toString("utf8"), chunk.subarray(headerEnd + 4)));
    position = next;
  }
  return parts;
}

function parsePart(headerText: string, data: Buffer): FormPart {
  const headers = new Map<string, string>();
  for (const line of headerText.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition") ?? "";
  const part: FormPart = { name: /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? "", data };
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  if (filename !== undefined) part.filename = filename;
  const type = headers.get("content-type");
  if (type !== undefined) part.contentType = type;
  return part;
}
