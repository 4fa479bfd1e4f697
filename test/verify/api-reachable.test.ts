/**
 * api-reachable against small scripted servers on 127.0.0.1: what is not an Akeneo API (an HTML page,
 * a 404 on the root, JSON without routes, a redirect), transport failures, and a PIM without
 * system-information. Each failure says "check baseUrl" and skips everything that needs the API.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Agent } from "undici";
import { check, statuses, testAgent, verifyWith } from "./verify-helpers.js";

type Reply = { status?: number; headers?: Record<string, string>; body?: string | object };

let agent: Agent;
let server: Server | undefined;
beforeAll(() => {
  agent = testAgent();
});
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});
afterAll(() => agent.close());

/** Serve `reply(req)` on 127.0.0.1 port 0; resolves to the base URL. */
async function serve(reply: (req: IncomingMessage) => Reply): Promise<string> {
  server = createServer((req, res) => {
    const { status = 200, headers = {}, body = "" } = reply(req);
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain" : "application/json", ...headers });
    res.end(text);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const configFor = (baseUrl: string, settings: Record<string, unknown> = {}) => ({
  credentials: { baseUrl, clientId: "client", clientSecret: "secret-value-1", username: "user", password: "password-value-1" },
  settings,
});

const AFTER = ["authentication", "permissions", "settings-exist", "sample-pull", "sample-push"] as const;

describe("api-reachable", () => {
  it("an HTML page: fails with a baseUrl fix; everything that needs the API is skipped", async () => {
    const url = await serve(() => ({ headers: { "content-type": "text/html; charset=utf-8" }, body: "<!doctype html><html><body>Welcome</body></html>" }));
    const report = await verifyWith(agent, configFor(url));
    const reachable = check(report, "api-reachable");
    expect(reachable).toMatchObject({ status: "fail", message: `GET ${url}/api/rest/v1 → 200: an HTML page, not the Akeneo API` });
    expect(reachable.fix).toMatch(/^check baseUrl: /);
    expect(statuses(report)).toMatchObject({ "config-valid": "pass", "api-reachable": "fail", "throttle-sane": "pass" });
    for (const name of AFTER) expect(check(report, name)).toMatchObject({ status: "skipped", message: "api-reachable failed" });
    expect(report.ok).toBe(false);
  });

  it.each([
    ["a 404 on the API root", { status: 404, headers: { "content-type": "text/html" }, body: "<h1>Not found</h1>" }, /→ 404: there is no Akeneo API at this address/],
    ["JSON without routes", { body: { status: "ok" } }, /JSON without "routes"/],
    ["a body that is not JSON", { body: "hello" }, /not JSON/],
    ["a redirect", { status: 301, headers: { location: "https://pim.example.com/api/rest/v1" } }, /redirects to https:\/\/pim\.example\.com/],
    ["a server error", { status: 503, body: "maintenance" }, /→ 503: the PIM is down or in maintenance/],
    ["a proxy asking for credentials", { status: 401, body: "auth required" }, /→ 401: something in front of the PIM/],
  ] as Array<[string, Reply, RegExp]>)("%s: not an Akeneo API", async (_name, reply, message) => {
    const url = await serve(() => reply);
    const report = await verifyWith(agent, configFor(url));
    expect(check(report, "api-reachable").status).toBe("fail");
    expect(check(report, "api-reachable").message).toMatch(message);
    expect(check(report, "authentication").status).toBe("skipped");
  });

  it("connection refused: fails naming the address", async () => {
    const url = await serve(() => ({}));
    server!.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const report = await verifyWith(agent, configFor(url));
    expect(check(report, "api-reachable")).toMatchObject({ status: "fail", details: { code: "NETWORK" } });
    expect(check(report, "api-reachable").message).toMatch(/connection refused \(ECONNREFUSED\)/);
    expect(check(report, "api-reachable").fix).toBe(`check baseUrl: nothing answers at ${url} (wrong host or port, or a firewall in between)`);
  });

  it("a host that does not resolve: fails with a DNS fix", async () => {
    const report = await verifyWith(agent, configFor("https://pim.no-such-host.invalid"));
    expect(check(report, "api-reachable")).toMatchObject({ status: "fail", details: { code: "DNS" } });
    expect(check(report, "api-reachable").fix).toMatch(/^check baseUrl: the host pim\.no-such-host\.invalid does not resolve/);
  });

  it("a PIM without system-information (before 6.0): passes without a version", async () => {
    const routes = { pim_api_category_list: { route: "/api/rest/v1/categories", methods: ["GET"] } };
    const url = await serve((req) => (req.url === "/api/rest/v1" ? { body: { host: "x", routes } } : { status: 404, body: { code: 404, message: "No route found" } }));
    const report = await verifyWith(agent, configFor(url, { entities: ["categories"] }));
    expect(check(report, "api-reachable")).toMatchObject({ status: "pass", details: { routes: 1 } });
    expect(check(report, "api-reachable").message).toMatch(/version not reported/);
  });

  it("a PIM whose API root lacks /products-uuid: warns to key products by identifier", async () => {
    const routes = { pim_api_product_list: { route: "/api/rest/v1/products", methods: ["GET"] }, pim_api_attribute_option_list: { route: "/api/rest/v1/attributes/{attributeCode}/options", methods: ["GET"] } };
    const url = await serve((req) => (req.url === "/api/rest/v1" ? { body: { routes } } : { body: { version: "5.0.12", edition: "CE" } }));
    const report = await verifyWith(agent, configFor(url, { entities: ["products", "attribute_options"] }));
    const reachable = check(report, "api-reachable");
    expect(reachable).toMatchObject({ status: "warn", details: { version: "5.0.12", edition: "CE", missing: ["/api/rest/v1/products-uuid"] } });
    expect(reachable.fix).toMatch(/productIdFormat to "identifier"/);
    expect(check(report, "authentication").status).not.toBe("skipped");
  });
});
