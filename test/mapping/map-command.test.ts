/**
 * `akeneo-connector map`: prints each output (stdout, NDJSON) or error (stderr); exit 0 when all
 * records mapped, 2 on a mapping that does not compile (with its position), 3 when some failed.
 */
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { createTestIO } from "./helpers/cli-io.js";
import { FIXTURES, readJson } from "./helpers/mapping-fixtures.js";

const golden = readJson<{ cases: Array<{ akeneo: object; canonical: object; pushed?: object }> }>(`${FIXTURES}/golden/products.json`).cases;
const lines = (text: string) => text.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as unknown);

async function map(args: string[], input = "") {
  const io = createTestIO(input);
  const code = await runCli(["map", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("akeneo-connector map", () => {
  it("maps an NDJSON file with a catalog file: the golden canonical products, exit 0", async () => {
    const { code, out, err } = await map(["--entity", "products", "--catalog", `${FIXTURES}/catalog.json`, "--locales", "en_US,fr_FR", `${FIXTURES}/products.sample.ndjson`]);
    expect(err).toBe("map: 2 records, 2 mapped, 0 failed\n");
    expect(code).toBe(0);
    expect(lines(out)).toEqual(golden.slice(0, 2).map((c) => c.canonical));
  });

  it("reads stdin and guesses the catalog from the records (an Akeneo list page, offline)", async () => {
    const page = readJson<object>(`${FIXTURES}/products-uuid-list.page.json`);
    const { code, out } = await map(["--entity", "products", "--locales", "en_US,fr_FR"], JSON.stringify(page));
    expect(code).toBe(0);
    const first = lines(out)[0] as Record<string, unknown>;
    expect(first).toMatchObject({
      sku: "top-xl",
      name: { en_US: "Top XL", fr_FR: "Débardeur XL" },
      description: { en_US: "Summer top XL", fr_FR: "Débardeur XL pour l'été" },
      prices: [{ amount: 15.5, currency: "EUR" }, { amount: 15, currency: "USD" }],
      attributes: { color: "black", size: "xl", collection: ["winter_2016"] },
    });
  });

  it("pushes with a settings file that is a whole config (settings and lookups) and an override mapping", async () => {
    const dir = mkdtempSync(join(tmpdir(), "map-cmd-"));
    writeFileSync(join(dir, "config.json"), JSON.stringify({ settings: { channel: "ecommerce", locales: ["en_US"] }, lookups: { families: { caps: "hats" } } }));
    writeFileSync(join(dir, "push.jsonata"), '{ "uuid": uuid, "family": $lookup("families", family, family) }');
    const record = { uuid: "573dd613-0c7f-4143-83d5-63cc5e535966", family: "caps" };
    const { code, out } = await map(["--entity", "products", "--direction", "push", "--settings", join(dir, "config.json"), "--mapping", join(dir, "push.jsonata")], JSON.stringify(record));
    expect(code).toBe(0);
    expect(lines(out)).toEqual([{ uuid: record.uuid, family: "hats" }]);
  });

  it("pushes the golden canonical product back to its payload with the catalog file", async () => {
    const { code, out } = await map(["--entity", "products", "--direction", "push", "--catalog", `${FIXTURES}/catalog.json`, "--locales", "en_US,fr_FR"], JSON.stringify(golden[0]!.canonical));
    expect(code).toBe(0);
    expect(lines(out)).toEqual([golden[0]!.pushed]);
  });

  it("exits 2 with the position when the mapping does not compile, mapping nothing", async () => {
    const { code, out, err } = await map(["--entity", "products", "--mapping", `${FIXTURES}/overrides/broken.jsonata`], "{}");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^error: \[mapping\] syntax error in .*broken\.jsonata:5:1 at "}": .*\(S0211\)\n$/);
  });

  it("exits 3 and reports each failed record with its key, the others still printed", async () => {
    const input = [
      JSON.stringify({ code: "en_US", enabled: true }),
      "{ not json",
      JSON.stringify({ code: "english", enabled: true }),
      "[1]",
    ].join("\n");
    const { code, out, err } = await map(["--entity", "locales"], input);
    expect(code).toBe(3);
    expect(lines(out)).toEqual([{ code: "en_US", enabled: true }]);
    expect(err.split("\n")).toEqual([
      expect.stringMatching(/^error: \[mapping\] line 2 is not valid JSON: /),
      "error: [mapping] record 4 is not a JSON object",
      'error: [mapping] locales pull: record "english": output does not match schemas/canonical/locales.schema.json: /code must match pattern "^[a-z]{2,3}(_[A-Za-z0-9]{2,4})+$"',
      '  /code: must match pattern "^[a-z]{2,3}(_[A-Za-z0-9]{2,4})+$"',
      "map: 4 records, 1 mapped, 3 failed",
      "",
    ]);
  });

  it.each([
    [["--entity", "widgets"], /unknown entity "widgets"/],
    [["--entity", "channels", "--direction", "push"], /entity "channels" has no push direction/],
    [["--entity", "products", "--direction", "sideways"], /argument 'sideways' is invalid/],
    [["--entity", "products", "--catalog", "nope.json"], /cannot read nope\.json/],
  ])("exits 2 on bad usage %j", async (args, message) => {
    const { code, err } = await map(args, "{}");
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
