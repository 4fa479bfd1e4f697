/**
 * A minimal method + path router. `{name}` matches one path segment, `{name+}` the rest of the path
 * (product identifiers and media-file codes contain slashes, which clients leave unencoded).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxContext } from "../sandbox-context.js";

/** What a handler receives. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  /** `http://host:port` as the client addressed the sandbox, for absolute links. */
  base: string;
  sandbox: SandboxContext;
}

export interface Route {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  pattern: string;
  /** Route name in the API root listing (Akeneo style, e.g. `pim_api_category_list`). */
  name: string;
  /** False for the three routes that need no token. */
  auth?: boolean;
  /** True for binary downloads (any Accept is fine). */
  binary?: boolean;
  handle(ctx: RouteContext): Promise<void> | void;
}

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined;

export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.pattern.replace(/[.*?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)(\+?)\}/g, (_, name: string, greedy: string) => {
        names.push(name);
        return greedy ? "(.+?)" : "([^/]+)";
      });
      return { route, regex: new RegExp(`^${source}/?$`), names };
    });
  }

  /** Find the route for a method and (still percent-encoded) path; `{allowed}` when only the method is wrong. */
  match(method: string, rawPath: string): RouteMatch {
    const allowed: string[] = [];
    for (const { route, regex, names } of this.compiled) {
      const found = regex.exec(rawPath);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = safeDecode(found[i + 1] as string)));
      return { route, params };
    }
    return allowed.length > 0 ? { allowed: [...new Set(allowed)] } : undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
