/**
 * Golden tests: for every default mapping, Akeneo record → expected canonical record, and for
 * two-way entities canonical → expected push payload, which must equal the original on every
 * mapped field (compareRoundTrip). Fixtures: test/fixtures/mapping/golden/<entity>.json.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadEntityDefinitions } from "../../src/manifest/entity-definitions.js";
import { compareRoundTrip } from "../../src/mapping/compare-round-trip.js";
import { resolveMappingSettings } from "../../src/mapping/mapping-settings.js";
import { FIXTURES, mapperFor, readJson, SETTINGS, valueOf } from "./helpers/mapping-fixtures.js";

interface GoldenCase {
  name: string;
  settings?: Record<string, unknown>;
  akeneo: Record<string, unknown>;
  canonical: Record<string, unknown>;
  pushed?: Record<string, unknown>;
}

const definitions = loadEntityDefinitions();

it("has a golden fixture for every entity", () => {
  const files = readdirSync(`${FIXTURES}/golden`).map((f) => f.replace(/\.json$/, "")).sort();
  expect(files).toEqual([...definitions.keys()].sort());
});

describe.each([...definitions.values()].map((d) => [d.name, d] as const))("%s", (entity, definition) => {
  const fixture = readJson<{ settings?: Record<string, unknown>; cases: GoldenCase[] }>(`${FIXTURES}/golden/${entity}.json`);
  const twoWay = definition.directions.includes("push");
  const settingsOf = (c: GoldenCase) => ({ ...SETTINGS, ...fixture.settings, ...c.settings });

  it.each(fixture.cases.map((c) => [c.name, c] as const))("pull: %s", async (_name, c) => {
    expect(valueOf(await mapperFor(entity, "pull", { settings: settingsOf(c) }).map(c.akeneo))).toStrictEqual(c.canonical);
  });

  if (!twoWay) return;

  it.each(fixture.cases.map((c) => [c.name, c] as const))("push: %s", async (_name, c) => {
    expect(valueOf(await mapperFor(entity, "push", { settings: settingsOf(c) }).map(c.canonical))).toStrictEqual(c.pushed);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))("round trip changes nothing: %s", async (_name, c) => {
    const settings = resolveMappingSettings(settingsOf(c));
    const canonical = valueOf(await mapperFor(entity, "pull", { settings }).map(c.akeneo));
    const pushed = valueOf(await mapperFor(entity, "push", { settings }).map(canonical));
    expect(compareRoundTrip(c.akeneo, pushed, { entity, channel: settings.channel, locales: settings.locales })).toEqual([]);
  });
});
