import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildConfigSchema } from "../../src/manifest/build-config-schema.js";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { packagePath } from "../../src/package-root.js";

const run = promisify(execFile);

describe("generated files stay in step with their sources", () => {
  it("schemas/subscription-config.schema.json is what the manifest generates, byte for byte", () => {
    const committed = readFileSync(packagePath("schemas", "subscription-config.schema.json"), "utf8");
    expect(committed).toBe(`${JSON.stringify(buildConfigSchema(loadManifest()), null, 2)}\n`);
  });

  it("`node scripts/gen-types.mjs --check` passes (derived schemas and src/types/*.generated.ts)", async () => {
    const result = await run(process.execPath, [packagePath("scripts", "gen-types.mjs"), "--check"], { cwd: packagePath() }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect("stderr" in result ? result.stderr : "").toBe("");
    expect("code" in result ? result.code : 0).toBe(0);
  });

  it("generates the manifest and config file types", () => {
    expect(readFileSync(packagePath("src", "types", "manifest.generated.ts"), "utf8")).toContain("export interface ConnectorManifest {");
    expect(readFileSync(packagePath("src", "types", "subscription-config.generated.ts"), "utf8")).toContain("export interface SubscriptionConfigFile {");
  });
});
