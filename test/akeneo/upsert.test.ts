import { afterEach, describe, expect, it } from "vitest";
import type { EntityDefinition } from "../../src/manifest/entity-definitions.js";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";
import { createManualClock } from "../helpers/manual-clock.js";
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from "../helpers/scripted-server.js";
import { createTestClient, driveClock, type TestClient } from "../helpers/test-client.js";

const PATCH_PRODUCTS = "PATCH /api/rest/v1/products-uuid";
const products = getEntityDefinition("products");
let server: ScriptedServer;
let t: TestClient;

afterEach(async () => {
  await t?.close();
  await server?.close();
});

/** Akeneo's answer to a collection PATCH: 201 for uuids ending in 0, 422 for those ending in 7, else 204. */
function answerLines(req: RecordedRequest, drop = 0): string {
  const lines = req.body.split("\n").map((line, i) => {
    const { uuid } = JSON.parse(line) as { uuid: string };
    if (uuid.endsWith("7")) return JSON.stringify({ line: i + 1, uuid, status_code: 422, message: "Validation failed.", errors: [{ property: "values", message: "bad value", attribute: "name", locale: null, scope: null }] });
    return JSON.stringify({ line: i + 1, uuid, status_code: uuid.endsWith("0") ? 201 : 204 });
  });
  return lines.slice(0, lines.length - drop).join("\n");
}

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ uuid: `u-${i}`, enabled: true, _links: { self: { href: "x" } } }));

describe("upsertBatch", () => {
  it("a batch of 250 → 3 PATCH calls of NDJSON, 250 results in input order, per-line 422s reported, not thrown", async () => {
    server = await startScriptedServer({ routes: { [PATCH_PRODUCTS]: (req) => ({ headers: { "content-type": "application/vnd.akeneo.collection+json" }, body: answerLines(req) }) } });
    t = createTestClient(server.url);
    const results = await t.client.upsertBatch(products, items(250));
    const patches = server.requestsTo(PATCH_PRODUCTS);
    expect(patches.map((r) => r.body.split("\n").length)).toEqual([100, 100, 50]);
    expect(patches[0]!.headers["content-type"]).toBe("application/vnd.akeneo.collection+json");
    expect(patches[0]!.body.split("\n")[0]).toBe('{"uuid":"u-0","enabled":true}');
    expect(results).toHaveLength(250);
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(results[10]).toEqual({ index: 10, key: "u-10", status: 201, outcome: "created" });
    expect(results[11]).toEqual({ index: 11, key: "u-11", status: 204, outcome: "updated" });
    expect(results[17]).toMatchObject({ index: 17, key: "u-17", status: 422, outcome: "rejected", code: "BATCH_ITEM_REJECTED", message: "Validation failed.", errors: [{ attribute: "name", message: "bad value" }] });
    expect(results.filter((r) => r.outcome === "rejected")).toHaveLength(25);
  });

  it("a truncated response marks the missing items rejected with BATCH_TRUNCATED, never lost", async () => {
    server = await startScriptedServer({
      routes: { [PATCH_PRODUCTS]: (req, n) => (n === 1 ? { body: answerLines(req, 3) } : { partialBody: `${answerLines(req, 5)}\n{"line":` }) },
    });
    t = createTestClient(server.url);
    const results = await t.client.upsertBatch(products, items(10));
    expect(results.filter((r) => r.code === "BATCH_TRUNCATED").map((r) => r.index)).toEqual([7, 8, 9]);
    const cut = await t.client.upsertBatch(products, items(10));
    expect(cut.filter((r) => r.code === "BATCH_TRUNCATED").map((r) => r.index)).toEqual([5, 6, 7, 8, 9]);
    expect(server.requestsTo(PATCH_PRODUCTS)).toHaveLength(2);
  });

  it("a chunk refused as too large (413, or a 403 from the SaaS edge) is split in half and sent again", async () => {
    server = await startScriptedServer({
      routes: {
        [PATCH_PRODUCTS]: (req) => {
          const count = req.body.split("\n").length;
          if (count > 25) return { status: 413, body: { code: 413, message: "Too many resources to process, 100 is the maximum allowed." } };
          if (count > 13) return { status: 403, body: "<html>Request entity too large</html>" };
          return { body: answerLines(req) };
        },
      },
    });
    t = createTestClient(server.url);
    const results = await t.client.upsertBatch(products, items(100));
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(results.every((r) => r.outcome !== "rejected" || r.code === "BATCH_ITEM_REJECTED")).toBe(true);
    const sizes = server.requestsTo(PATCH_PRODUCTS).map((r) => r.body.split("\n").length);
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 50, 50, 25, 25, 25, 25, 13, 13, 13, 13, 12, 12, 12, 12]);
  });

  it("a single item still too large is rejected with the request's status", async () => {
    server = await startScriptedServer({ routes: { [PATCH_PRODUCTS]: () => ({ status: 403, body: { code: 403, message: "Payload too large" } }) } });
    t = createTestClient(server.url);
    const results = await t.client.upsertBatch(products, items(2));
    expect(results).toEqual([
      expect.objectContaining({ index: 0, key: "u-0", outcome: "rejected", status: 403, code: "HTTP_FORBIDDEN" }),
      expect.objectContaining({ index: 1, key: "u-1", outcome: "rejected", status: 403, code: "HTTP_FORBIDDEN" }),
    ]);
  });

  it("a whole-request 400 rejects each item of that chunk with Akeneo's reason; other chunks are unaffected", async () => {
    server = await startScriptedServer({
      routes: { [PATCH_PRODUCTS]: (req) => (req.body.includes('"u-0"') ? { status: 400, body: { code: 400, message: "Invalid json message received" } } : { body: answerLines(req) }) },
    });
    t = createTestClient(server.url);
    const results = await t.client.upsertBatch(products, items(150), undefined, { signal: new AbortController().signal });
    expect(results.slice(0, 100).every((r) => r.outcome === "rejected" && r.code === "HTTP_BAD_REQUEST" && r.status === 400 && r.message?.includes("Invalid json message received"))).toBe(true);
    expect(results.slice(100).every((r) => r.code !== "HTTP_BAD_REQUEST")).toBe(true);
    expect(results[0]!.key).toBe("u-0");
  });

  it("a whole-request 422 with errors[] passes them to each item; an item without key has no key", async () => {
    const errors = [{ property: "uuid", message: "missing" }];
    server = await startScriptedServer({ routes: { [PATCH_PRODUCTS]: () => ({ status: 422, body: { code: 422, message: "Invalid", errors } }) } });
    t = createTestClient(server.url);
    const [result] = await t.client.upsertBatch(products, [{ enabled: true }]);
    expect(result).toEqual({ index: 0, outcome: "rejected", status: 422, code: "HTTP_UNPROCESSABLE", message: expect.stringContaining("422 Invalid"), errors });
  });

  it("a permission 403 stops the run with a typed error", async () => {
    server = await startScriptedServer({ routes: { [PATCH_PRODUCTS]: () => ({ status: 403, body: { code: 403, message: "Access forbidden. You are not allowed to create or update products." } }) } });
    t = createTestClient(server.url);
    await expect(t.client.upsertBatch(products, items(150))).rejects.toMatchObject({ code: "HTTP_FORBIDDEN", message: expect.stringContaining("[akeneo] upsert of 100 products failed: PATCH /api/rest/v1/products-uuid → 403 Access forbidden.") });
  });

  it("a read-only entity refuses writes; an empty input sends nothing", async () => {
    server = await startScriptedServer();
    t = createTestClient(server.url);
    await expect(t.client.upsertBatch(getEntityDefinition("channels"), items(1))).rejects.toMatchObject({ code: "INTERNAL", message: expect.stringContaining("read-only") });
    await expect(t.client.upsertBatch(products, [])).resolves.toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it("json-array batches (records, assets) send one JSON array and read one back", async () => {
    const records: EntityDefinition = { ...getEntityDefinition("families"), name: "records", paths: { list: "/api/rest/v1/reference-entities/{reference_entity_code}/records", item: "/api/rest/v1/reference-entities/{reference_entity_code}/records/{code}" }, batch: { format: "json-array", maxItems: 100 } };
    server = await startScriptedServer({
      routes: { "PATCH /api/rest/v1/reference-entities/brands/records": (req) => ({ body: (JSON.parse(req.body) as Array<{ code: string }>).map((r) => ({ code: r.code, status_code: 201 })) }) },
    });
    t = createTestClient(server.url);
    const results = await t.client.upsertBatch(records, [{ code: "acme" }, { code: "globex" }], { reference_entity_code: "brands" });
    expect(results.map((r) => [r.key, r.outcome])).toEqual([
      ["acme", "created"],
      ["globex", "created"],
    ]);
    expect(server.requests.at(-1)!.headers["content-type"]).toBe("application/json");
    expect(server.requests.at(-1)!.body).toBe('[{"code":"acme"},{"code":"globex"}]');
  });

  it("attribute-option writes keep their own budget of 3 requests per second, retries included", async () => {
    const PATCH_OPTIONS = "PATCH /api/rest/v1/attributes/color/options";
    server = await startScriptedServer();
    const clock = createManualClock({ autoAdvance: false });
    t = createTestClient(server.url, { clock, limits: { throttleLimit: 1000, throttleSeconds: 60, concurrentConnections: 4 } });
    const times: number[] = [];
    server.route(PATCH_OPTIONS, (req, n) => {
      times.push(clock.now());
      return n === 2 ? { status: 503 } : { body: req.body.split("\n").map((l, i) => JSON.stringify({ line: i + 1, code: JSON.parse(l).code, status_code: 201 })).join("\n") };
    });
    const options = Array.from({ length: 700 }, (_, i) => ({ code: `o${i}`, attribute: "color" }));
    const results = await driveClock(clock, t.client.upsertBatch(getEntityDefinition("attribute_options"), options, { attribute_code: "color" }));
    expect(results.every((r) => r.outcome === "created")).toBe(true);
    expect(times).toHaveLength(8);
    const start = times[0]!;
    for (const time of times) expect(times.filter((other) => other >= time && other < time + 1000).length).toBeLessThanOrEqual(3);
    expect(times.at(-1)! - start).toBeLessThan(3 * 1010 + 1000);
  });
});
