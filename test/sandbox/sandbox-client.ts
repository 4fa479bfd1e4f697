/**
 * A tiny HTTP client for the sandbox tests: real requests over 127.0.0.1 with undici, a token from
 * the password grant, and helpers for JSON, NDJSON and raw calls.
 */
import { Agent, fetch, Headers, type RequestInit } from "undici";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/index.js";

export interface TestApi {
  sandbox: Sandbox;
  token: string;
  /** Raw call; `path` is relative to the sandbox URL unless absolute. */
  call(path: string, init?: RequestInit & { auth?: boolean }): Promise<{ status: number; headers: Headers; text: string; json: () => any }>;
  get(path: string): Promise<{ status: number; body: any; headers: Headers }>;
  patchJson(path: string, body: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  patchLines(path: string, lines: unknown[] | string): Promise<{ status: number; lines: any[]; text: string }>;
  /** Follow `_links.next` from `path`, collecting items. */
  all(path: string): Promise<{ items: any[]; pages: number }>;
  close(): Promise<void>;
}

/** Start a sandbox and get a token. Always `await api.close()`. */
export async function openSandbox(options: SandboxOptions = {}): Promise<TestApi> {
  const sandbox = await startSandbox({ products: 40, ...options });
  const dispatcher = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
  const url = (path: string) => (path.startsWith("http") ? path : `${sandbox.url}${path}`);
  const api: TestApi = {
    sandbox,
    token: "",
    async call(path, init = {}) {
      const headers = new Headers(init.headers as Record<string, string> | undefined);
      if (init.auth !== false && api.token && !headers.has("authorization")) headers.set("authorization", `Bearer ${api.token}`);
      const res = await fetch(url(path), { ...init, headers, dispatcher });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
    },
    async get(path) {
      const res = await api.call(path);
      return { status: res.status, body: res.text ? res.json() : undefined, headers: res.headers };
    },
    async patchJson(path, body) {
      const res = await api.call(path, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: res.status, body: res.text ? res.json() : undefined, headers: res.headers };
    },
    async patchLines(path, lines) {
      const body = typeof lines === "string" ? lines : lines.map((l) => JSON.stringify(l)).join("\n");
      const res = await api.call(path, { method: "PATCH", headers: { "content-type": "application/vnd.akeneo.collection+json" }, body });
      return { status: res.status, text: res.text, lines: res.status === 200 ? res.text.split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [] };
    },
    async all(path) {
      const items: any[] = [];
      let next: string | undefined = path;
      let pages = 0;
      while (next) {
        const { status, body } = await api.get(next);
        if (status !== 200) throw new Error(`GET ${next} → ${status}: ${JSON.stringify(body)}`);
        items.push(...body._embedded.items);
        pages++;
        next = body._links.next?.href;
      }
      return { items, pages };
    },
    async close() {
      await sandbox.close();
      await dispatcher.close();
    },
  };
  api.token = (await passwordGrant(api)).access_token;
  return api;
}

/** A password grant with the sandbox's own credentials (JSON body, Basic client auth). */
export async function passwordGrant(api: TestApi, overrides: Record<string, string> = {}): Promise<any> {
  const { clientId, clientSecret, username, password } = api.sandbox.credentials;
  const res = await api.call("/api/oauth/v1/token", {
    method: "POST",
    auth: false,
    headers: { "content-type": "application/json", authorization: basic(clientId, clientSecret) },
    body: JSON.stringify({ grant_type: "password", username, password, ...overrides }),
  });
  return res.json();
}

export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

/** `search` query parameter. */
export const search = (filters: Record<string, unknown>) => `search=${encodeURIComponent(JSON.stringify(filters))}`;

/** Strip `_links` from an item (what the PHP client does before comparing or sending back). */
export const withoutLinks = ({ _links, ...rest }: Record<string, unknown>) => rest;
