/**
 * One generic test over every schema of the mapping room (schemas/canonical/, schemas/akeneo/):
 * each ships `examples` that validate, and has anti-examples (test/fixtures/mapping/anti-examples/)
 * that fail at the expected JSON pointer.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadEntityDefinitions } from "../../src/manifest/entity-definitions.js";
import { getRecordValidator } from "../../src/mapping/schema-validators.js";
import { FIXTURES, readJson } from "./helpers/mapping-fixtures.js";

interface AntiExample {
  description: string;
  path: string;
  record: unknown;
}

const schemas = ["canonical", "akeneo"].flatMap((dir) =>
  readdirSync(`schemas/${dir}`)
    .filter((f) => f.endsWith(".schema.json"))
    .map((f) => [dir, f.replace(/\.schema\.json$/, "")] as const),
);

it("has a canonical schema for every entity, and an Akeneo payload schema for every pushable one", () => {
  const definitions = [...loadEntityDefinitions().values()];
  for (const d of definitions) expect(d.canonicalSchema).toBe(`schemas/canonical/${d.name}.schema.json`);
  const names = (dir: string) => schemas.filter(([d]) => d === dir).map(([, n]) => n).sort();
  expect(names("canonical")).toEqual(definitions.map((d) => d.name).sort());
  expect(names("akeneo")).toEqual(definitions.filter((d) => d.directions.includes("push")).map((d) => d.name).sort());
});

describe.each(schemas)("schemas/%s/%s.schema.json", (dir, entity) => {
  const path = `schemas/${dir}/${entity}.schema.json`;
  const schema = readJson<{ examples?: unknown[] }>(path);
  const validator = getRecordValidator(path);
  const antiExamples = readJson<AntiExample[]>(`${FIXTURES}/anti-examples/${dir}/${entity}.json`);

  it("ships examples", () => expect(schema.examples?.length).toBeGreaterThan(0));

  it.each((schema.examples ?? []).map((example, i) => [i, example] as const))("example %i is valid", (_i, example) => {
    expect(validator.validate(example)).toEqual([]);
  });

  it.each(antiExamples.map((a) => [a.description, a] as const))("anti-example fails: %s", (_d, anti) => {
    const issues = validator.validate(anti.record);
    expect(issues.map((issue) => issue.path)).toContain(anti.path);
  });
});
