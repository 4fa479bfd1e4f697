import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateManifest } from "../../src/manifest/validate-manifest.js";
import { applyJsonPatch, type PatchOperation } from "./apply-json-patch.js";

const fixtures = join(import.meta.dirname, "fixtures");
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));
const examples = readdirSync(join(fixtures, "examples")).filter((file) => file.endsWith(".json"));
const antiExamples = readdirSync(join(fixtures, "anti-examples"))
  .filter((file) => file.endsWith(".json"))
  .map((file) => [file, readJson(join(fixtures, "anti-examples", file))] as const);
const base = readJson(join(fixtures, "examples", "minimal.json"));

interface AntiExample {
  description: string;
  patch: PatchOperation[];
  expectedPath: string;
}

describe("manifest examples", () => {
  it.each(examples)("%s is valid", (file) => {
    expect(validateManifest(readJson(join(fixtures, "examples", file)))).toEqual([]);
  });

  it("the connector's own manifest is valid", () => {
    expect(validateManifest(readJson(join(fixtures, "..", "..", "..", "connector.manifest.json")))).toEqual([]);
  });
});

describe("manifest anti-examples (minimal.json with one patch)", () => {
  it("there are anti-examples", () => expect(antiExamples.length).toBeGreaterThanOrEqual(20));

  it.each(antiExamples)("%s is rejected at its expected path", (_file, fixture) => {
    const { patch, expectedPath } = fixture as AntiExample;
    const issues = validateManifest(applyJsonPatch(base, patch));
    expect(issues.map((issue) => issue.path)).toEqual([expectedPath]);
    for (const issue of issues) expect(issue.message).not.toBe("");
  });
});
