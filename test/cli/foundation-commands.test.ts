import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { buildForm } from "../../src/manifest/build-form.js";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { summarizeManifest } from "../../src/manifest/summarize-manifest.js";
import { clearRegisteredSecrets } from "../../src/redact.js";
import { baseConfig, PASSWORD, SECRET } from "../config/config-cases.js";
import { createMemoryIO } from "./memory-io.js";

const tmp = mkdtempSync(join(tmpdir(), "akeneo-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => clearRegisteredSecrets());

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = createMemoryIO({ env, cwd: tmp });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("akeneo-connector manifest", () => {
  it("prints the manifest as JSON", async () => {
    const { code, out } = await cli(["manifest"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(loadManifest());
  });

  it("--summary prints the short summary", async () => {
    expect(await cli(["manifest", "--summary"])).toEqual({ code: 0, out: summarizeManifest(loadManifest()), err: "" });
  });
});

describe("akeneo-connector form", () => {
  it("prints { schema, uiSchema } for the whole config", async () => {
    const { code, out } = await cli(["form"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(buildForm(loadManifest()));
  });

  it.each(["credentials", "settings"] as const)("--part %s prints that part", async (part) => {
    expect(JSON.parse((await cli(["form", "--part", part])).out)).toEqual(buildForm(loadManifest(), { part }));
  });

  it("an unknown part is a usage error", async () => {
    const { code, err } = await cli(["form", "--part", "mappings"]);
    expect(code).toBe(2);
    expect(err).toContain("Allowed choices are credentials, settings");
  });
});

describe("akeneo-connector validate-config", () => {
  const write = (name: string, value: unknown) => {
    writeFileSync(join(tmp, name), typeof value === "string" ? value : JSON.stringify(value, null, 2));
    return name;
  };

  it("a valid config: exit 0 and one OK line with the base URL and entities, no secrets", async () => {
    const file = write("good.json", { ...baseConfig(), settings: { entities: ["products", "families"] } });
    const { code, out, err } = await cli(["validate-config", "--config", file]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toBe("OK: good.json is valid: https://pim.example.com, entities: products, families\n");
  });

  it("a bad config: exit 2, a header and one line per problem naming the field, no secrets", async () => {
    const config = baseConfig();
    Object.assign(config.credentials, { baseUrl: "http://pim.example.com", concurrentConnections: 11, clientId: "" });
    const file = write("bad.json", { ...config, settings: { colour: "red" } });
    const { code, out, err } = await cli(["validate-config", "--config", file]);
    expect(code).toBe(2);
    expect(out).toBe("");
    const lines = err.trimEnd().split("\n");
    expect(lines[0]).toBe("error: [config] bad.json is invalid (4 problems)");
    expect(lines.slice(1).map((line) => line.split(":")[0])).toEqual([
      "  /credentials/baseUrl",
      "  /credentials/clientId",
      "  /credentials/concurrentConnections",
      "  /settings/colour",
    ]);
    expect(err).toContain("  /credentials/concurrentConnections: must be at most 10 (Akeneo allows 4 in-flight calls per connection)\n");
    expect(err).not.toContain(SECRET);
    expect(err).not.toContain(PASSWORD);
  });

  it("reads the AKENEO_* environment", async () => {
    const config = baseConfig();
    delete config.credentials["password"];
    const file = write("env.json", config);
    expect((await cli(["validate-config", "--config", file])).code).toBe(2);
    expect((await cli(["validate-config", "--config", file], { AKENEO_PASSWORD: "env-Passw0rd" })).code).toBe(0);
  });

  it("a missing file and a file that is not JSON: one line each, exit 2", async () => {
    const missing = await cli(["validate-config", "--config", "missing.json"]);
    expect(missing).toEqual({ code: 2, out: "", err: "error: [config] cannot read config file missing.json: no such file; pass the path of a subscription config (JSON)\n" });
    const broken = await cli(["validate-config", "--config", write("broken.json", '{\n  "credentials": {\n    "password": "x",\n  }\n}')]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/^error: \[config\] broken\.json is not valid JSON: line 4, column 3: [^\n]+\n$/);
  });

  it("--config is required", async () => {
    const { code, err } = await cli(["validate-config"]);
    expect(code).toBe(2);
    expect(err).toContain("required option '-c, --config <file>' not specified");
  });
});
