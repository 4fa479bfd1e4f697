/**
 * The parse step: a 2xx response's body as the caller asked for it. JSON bodies are parsed here; an HTML
 * page where JSON was expected means the base URL points at a website, not at Akeneo's API.
 */
import { ConnectorError } from "../errors.js";
import { pathnameOf, type RequestLabel } from "./create-http-error.js";
import type { HttpResponse, RawResponse, ResponseType } from "./http-request.js";

function header(raw: RawResponse, name: string): string {
  const value = raw.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function parseJsonBody(raw: RawResponse, label: RequestLabel): unknown {
  return parseJsonText(raw.bodyText, { status: raw.status, contentType: header(raw, "content-type") }, label);
}

/** A JSON body's text, parsed; an HTML page or invalid JSON is a `ConnectorError` naming the request. */
export function parseJsonText(text: string, response: { status: number; contentType: string }, label: RequestLabel): unknown {
  const first = text.search(/\S/); // no trimmed copy of a large body
  if (first === -1) return undefined;
  const where = `${label.method} ${pathnameOf(label.path)} → ${response.status}`;
  if (/html/i.test(response.contentType) || text[first] === "<") {
    throw new ConnectorError(
      `${label.area} ${label.what}: ${where} an HTML page, not Akeneo's JSON; this does not look like an Akeneo PIM: check the baseUrl field (the PIM's address, e.g. https://pim.example.com, without /api)`,
      { code: "NOT_AKENEO", kind: "config", status: response.status, method: label.method, url: label.path },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConnectorError(`${label.area} ${label.what}: ${where} a body that is not valid JSON (${text.length} characters)`, {
      code: "RESPONSE_INVALID",
      kind: "transient",
      retryable: false,
      status: response.status,
      method: label.method,
      url: label.path,
      cause: error,
    });
  }
}

/** Turn a 2xx raw response into the caller's `HttpResponse`. */
export function parseResponse(raw: RawResponse, responseType: ResponseType, label: RequestLabel): HttpResponse {
  const base = { status: raw.status, headers: raw.headers, ...(raw.partial ? { partial: true } : {}) };
  switch (responseType) {
    case "stream":
      return { ...base, body: raw.stream };
    case "buffer":
    case "jsonBytes":
      return { ...base, body: raw.bytes };
    case "text":
      return { ...base, body: raw.bodyText };
    default:
      return { ...base, body: parseJsonBody(raw, label) };
  }
}
