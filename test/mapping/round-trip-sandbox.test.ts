/**
 * The round-trip check on the sandbox's whole catalog: every record of every two-way entity,
 * pulled then pushed back with the default mappings, gives a payload equal to the original on every
 * mapped field (compareRoundTrip finds nothing). The catalog is read straight from the store; the
 * mapping engine needs no HTTP. Run for each channel of the catalog, with all its locales.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import type { CatalogSnapshot } from "../../src/sandbox/index.js";
import { compareRoundTrip, type RoundTripDifference } from "../../src/mapping/compare-round-trip.js";
import { compileMapping } from "../../src/mapping/compile-mapping.js";
import { createMapper } from "../../src/mapping/create-mapper.js";
import { createMappingCatalog } from "../../src/mapping/create-mapping-catalog.js";
import type { MappingSettings } from "../../src/mapping/mapping-types.js";

let sandbox: Sandbox;
let catalog: CatalogSnapshot;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, products: 300, seed: 7 });
  catalog = sandbox.store.catalog();
});
afterAll(async () => sandbox?.close());

function recordsOf(entity: string, productIdFormat = "uuid"): Array<Record<string, unknown>> {
  const c = catalog as unknown as Record<string, unknown>;
  switch (entity) {
    case "products": return productIdFormat === "identifier" ? catalog.productsByIdentifier : catalog.products;
    case "product_models": return catalog.productModels;
    case "attribute_options": return Object.values(catalog.attributeOptions).flat() as unknown as Array<Record<string, unknown>>;
    default: return c[entity] as Array<Record<string, unknown>>;
  }
}

type Outcome = { key: string | null; differences: RoundTripDifference[] | string };
const failures = (results: Outcome[]) => results.filter((r) => typeof r.differences === "string" || r.differences.length > 0);

async function roundTrip(entity: string, settings: Partial<MappingSettings>, pushExpression?: string): Promise<Outcome[]> {
  const mappingCatalog = createMappingCatalog({
    attributes: catalog.attributes as unknown as Array<Record<string, unknown>>,
    optionLabels: async (attribute) => Object.fromEntries((catalog.attributeOptions[attribute] ?? []).map((o) => [o.code, o.labels as Record<string, string>])),
    baseUrl: sandbox.url,
  });
  const pull = createMapper({ compiled: compileMapping({ entity, direction: "pull" }), settings, catalog: mappingCatalog });
  const pushSource = pushExpression === undefined ? {} : { source: { expression: pushExpression } };
  const push = createMapper({ compiled: compileMapping({ entity, direction: "push", ...pushSource }), settings, catalog: mappingCatalog });
  const options = { entity, channel: settings.channel!, locales: settings.locales! };
  return Promise.all(recordsOf(entity, settings.productIdFormat).map(async (original) => {
    const pulled = await pull.map(original);
    if (!pulled.ok) return { key: pulled.key, differences: pulled.error.message };
    const pushed = await push.map(pulled.value);
    if (!pushed.ok) return { key: pushed.key, differences: pushed.error.message };
    return { key: pulled.key, differences: compareRoundTrip(original, pushed.value, options) };
  }));
}

const entities = ["products", "product_models", "categories", "families", "attributes", "attribute_options"];

describe.each(entities)("%s", (entity) => {
  it("has records in the sandbox", () => expect(recordsOf(entity).length).toBeGreaterThan(0));

  it("round-trips every record with zero differences on mapped fields, for every channel", async () => {
    for (const channel of catalog.channels) {
      const results = await roundTrip(entity, { channel: channel.code, locales: channel.locales, mediaFormat: "link" });
      const failed = failures(results);
      expect(failed.slice(0, 3), `${failed.length} of ${results.length} records differ on channel ${channel.code}`).toEqual([]);
    }
  });
});

it("round-trips products keyed by identifier (/products), media as file codes", async () => {
  const channel = catalog.channels[0]!;
  const settings = { channel: channel.code, locales: channel.locales, mediaFormat: "code", productIdFormat: "identifier" } as const;
  expect(catalog.productsByIdentifier.length).toBeGreaterThan(0);
  expect(failures(await roundTrip("products", settings))).toEqual([]);
});

it("catches a push mapping that loses values (the check is not vacuous)", async () => {
  const channel = catalog.channels[0]!;
  const lossy = '{ "uuid": uuid, "values": $merge([$toIdentifierValue(sku), $toLocalizedValue($settings.nameAttribute, name)]) }';
  const results = await roundTrip("products", { channel: channel.code, locales: channel.locales }, lossy);
  const lost = failures(results);
  expect(lost.length).toBeGreaterThan(results.length / 2);
  expect((lost[0]!.differences as RoundTripDifference[])[0]).toMatchObject({ path: expect.stringMatching(/^\/(values\/|enabled|family|parent|categories)/) });
});
