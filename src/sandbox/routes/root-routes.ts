/** The two unauthenticated informational routes: the API root (route listing) and system information. */
import { sendJson } from "../http/respond.js";
import type { Route, RouteContext } from "./router.js";

/** Version and edition the sandbox reports (a PaaS Community Edition 7.0). */
export const SYSTEM_INFORMATION = { version: "7.0.0", edition: "CE" } as const;

/** Root routes; `allRoutes` is read lazily so the listing includes every route registered beside them. */
export function rootRoutes(allRoutes: () => readonly Route[]): Route[] {
  return [
    { method: "GET", pattern: "/api/rest/v1", name: "pim_api_rest_root", auth: false, handle: (ctx) => sendJson(ctx.res, 200, rootListing(ctx, allRoutes())) },
    { method: "GET", pattern: "/api/rest/v1/system-information", name: "pim_api_system_information_get", auth: false, handle: (ctx) => sendJson(ctx.res, 200, SYSTEM_INFORMATION) },
  ];
}

function rootListing(ctx: RouteContext, routes: readonly Route[]): Record<string, unknown> {
  const listing: Record<string, { route: string; methods: string[] }> = {};
  for (const route of routes) {
    if (route.name === "pim_api_rest_root") continue;
    const entry = (listing[route.name] ??= { route: route.pattern.replace(/\{(\w+)\+\}/g, "{$1}"), methods: [] });
    if (!entry.methods.includes(route.method)) entry.methods.push(route.method);
  }
  return {
    host: ctx.base,
    authentication: { fos_oauth_server_token: { route: "/api/oauth/v1/token", methods: ["POST"] } },
    routes: listing,
  };
}
