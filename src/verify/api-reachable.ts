/**
 * Check 2: the base URL answers as an Akeneo API, without credentials (NOTES §2): `GET /api/rest/v1`
 * must be JSON with `routes`, and `GET /api/rest/v1/system-information` (6.0+ and SaaS) gives the
 * version and edition when it exists. An HTML page, a 404 on the root, JSON without routes, and DNS,
 * TLS or connection failures each fail with a "check baseUrl" fix.
 */
import { classifyNetworkError } from "../http/classify-network-error.js";
import { getEntityDefinition } from "../manifest/entity-definitions.js";
import { probeApi, type ProbeOptions, type ProbeResponse } from "./probe-api.js";
import { requireSubscription } from "./require-subscription.js";
import type { CheckOutcome, VerifyCheck } from "./verify-types.js";

const ROOT = "/api/rest/v1";
const SYSTEM_INFORMATION = "/api/rest/v1/system-information";
const BASE_URL_FIX = "check baseUrl: enter the address you open the PIM at, e.g. https://acme.cloud.akeneo.com, without /api or a page path";

/** `api-reachable`: the API root answers, and the version is reported where the PIM tells it. */
export const apiReachable: VerifyCheck = {
  name: "api-reachable",
  title: "PIM is reachable",
  dependsOn: ["config-valid"],
  async run(ctx) {
    const { config } = requireSubscription(ctx);
    const baseUrl = config.credentials.baseUrl;
    const options: ProbeOptions = { ...(ctx.dispatcher ? { dispatcher: ctx.dispatcher } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) };
    let root: ProbeResponse;
    try {
      root = await probeApi(baseUrl, ROOT, options);
    } catch (error) {
      const klass = classifyNetworkError(error);
      return { status: "fail", message: `GET ${baseUrl}${ROOT} → ${klass.what}`, fix: transportFix(klass.code, baseUrl, klass.hint), details: { code: klass.code } };
    }
    const routes = readRoutes(root, baseUrl);
    if (!(routes instanceof Set)) return routes;
    const system = await readSystemInformation(baseUrl, options);
    const version = system ? `Akeneo ${system.edition ?? "(edition not reported)"} ${system.version}` : "Akeneo API (version not reported: system-information needs Akeneo 6.0 or later)";
    const details = { routes: routes.size, ...(system ?? {}) };
    const missing = missingEndpoints(routes, config.settings.entities, config.settings.productIdFormat);
    if (missing.length === 0) return { status: "pass", message: version, details };
    const uuid = missing.some((path) => path.includes("products-uuid"));
    return {
      status: "warn",
      message: `${version}; its API root does not list ${missing.join(", ")}`,
      fix: uuid
        ? 'this PIM has no /products-uuid endpoints (Akeneo before 7.0): set settings.productIdFormat to "identifier"'
        : "remove the entities this PIM does not serve from settings.entities, or check the PIM's version and edition",
      details: { ...details, missing },
    };
  },
};

/** The route paths of the API root, or the failure that says this is not an Akeneo API. */
function readRoutes(root: ProbeResponse, baseUrl: string): Set<string> | CheckOutcome {
  const where = `GET ${baseUrl}${ROOT} → ${root.status}`;
  const fail = (message: string, fix = BASE_URL_FIX): CheckOutcome => ({ status: "fail", message, fix, details: { status: root.status } });
  if (root.status >= 300 && root.status < 400) {
    return fail(`${where}: redirects to ${root.location ?? "(no location)"}`, "check baseUrl: use the PIM's final address (https, and the host it redirects to)");
  }
  if (root.status === 404) return fail(`${where}: there is no Akeneo API at this address`);
  if (root.status === 401 || root.status === 403) {
    return fail(`${where}: something in front of the PIM (proxy, basic auth, IP filter) refuses the request; Akeneo's API root needs no authentication`,
      "check baseUrl, and that this platform's address is allowed through the PIM's proxy or firewall");
  }
  if (root.status >= 500) return fail(`${where}: the PIM is down or in maintenance`, "try again later; if it persists, check the PIM's status with its administrator");
  if (root.status < 200 || root.status >= 300) return fail(`${where}: unexpected answer`);
  if (/html/i.test(root.contentType) || /^\s*</.test(root.text)) return fail(`${where}: an HTML page, not the Akeneo API`);
  let body: unknown;
  try {
    body = JSON.parse(root.text);
  } catch {
    return fail(`${where}: the answer is not JSON, so this is not the Akeneo API`);
  }
  const routes = (body as { routes?: unknown } | null)?.routes;
  if (routes === null || typeof routes !== "object" || Array.isArray(routes)) return fail(`${where}: JSON without "routes", so this is not an Akeneo API root`);
  const paths = Object.values(routes as Record<string, { route?: unknown }>).map((entry) => entry?.route);
  return new Set(paths.filter((path): path is string => typeof path === "string").map(normalisePath));
}

async function readSystemInformation(baseUrl: string, options: ProbeOptions): Promise<{ version: string; edition?: string } | undefined> {
  try {
    const response = await probeApi(baseUrl, SYSTEM_INFORMATION, { ...options, maxBytes: 64 * 1024 });
    if (response.status !== 200) return undefined;
    const body = JSON.parse(response.text) as { version?: unknown; edition?: unknown } | null;
    if (typeof body?.version !== "string") return undefined;
    return { version: body.version, ...(typeof body.edition === "string" ? { edition: body.edition } : {}) };
  } catch {
    return undefined; // absent before 6.0, or unreadable: the version is simply not reported
  }
}

/** List paths of the enabled entities that the API root does not list. */
function missingEndpoints(routes: Set<string>, entities: readonly string[], productIdFormat: "uuid" | "identifier"): string[] {
  return entities
    .map((entity) => getEntityDefinition(entity, { productIdFormat }).paths.list)
    .filter((path) => !routes.has(normalisePath(path)));
}

/** `/api/rest/v1/attributes/{attributeCode}/options` and `…/{attribute_code}/options` are the same route. */
function normalisePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "");
}

/** What to check after a transport failure, by its code. */
function transportFix(code: string, baseUrl: string, hint: string): string {
  const { host, origin } = new URL(baseUrl);
  if (code === "DNS") return `check baseUrl: the host ${host} does not resolve (a typo, or a PIM not reachable from this network)`;
  if (code === "NETWORK") return `check baseUrl: nothing answers at ${origin} (wrong host or port, or a firewall in between)`;
  if (code === "TIMEOUT") return `check baseUrl: ${origin} did not answer in time (a firewall, or the PIM is down); try again later`;
  if (code === "ABORTED") return "the verification was cancelled: run it again";
  return `check baseUrl: ${hint}`;
}
