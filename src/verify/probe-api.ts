import { request, type Dispatcher } from "undici";

/** A response of an unauthenticated probe, its body read as text (at most `maxBytes`). */
export interface ProbeResponse {
  status: number;
  contentType: string;
  location?: string;
  text: string;
}

/** Options of `probeApi`. */
export interface ProbeOptions {
  /** Default: undici's global dispatcher. */
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  /** Headers and body timeout, ms. Default 15 000. */
  timeoutMs?: number;
  /** Bytes of the body kept. Default 1 MiB; the API root of a large PIM is about 100 KB. */
  maxBytes?: number;
}

/**
 * One unauthenticated GET of `path` on `baseUrl`, with no retry and no redirect following: the API
 * root and system information need no token (NOTES §2), and api-reachable must work before the
 * credentials are known to be good. Transport failures (DNS, TLS, refused) are thrown as undici raises them.
 */
export async function probeApi(baseUrl: string, path: string, options: ProbeOptions = {}): Promise<ProbeResponse> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const response = await request(`${baseUrl}${path}`, {
    method: "GET",
    headers: { accept: "application/json", "user-agent": "akeneo-connector" },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    if (size < maxBytes) chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  const header = (name: string): string | undefined => {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const location = header("location");
  return { status: response.statusCode, contentType: header("content-type") ?? "", ...(location ? { location } : {}), text: Buffer.concat(chunks).toString("utf8") };
}
