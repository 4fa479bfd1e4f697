import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { ConnectorError, describeError, isConnectorError } from "../../src/errors.js";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { packagePath } from "../../src/package-root.js";
import { clearRegisteredSecrets } from "../../src/redact.js";
import { baseConfig, PASSWORD, SECRET } from "./config-cases.js";

const tmp = mkdtempSync(join(tmpdir(), "akeneo-load-config-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => clearRegisteredSecrets());

const EXAMPLE = packagePath("examples", "subscription.example.json");
const write = (name: string, text: string): string => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};
const failure = (run: () => unknown): ConnectorError => {
  try {
    run();
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error("expected an error");
};

describe("loadConfig", () => {
  it("loads the README's example config", () => {
    const config = loadConfig(EXAMPLE, { env: {} });
    expect(config.credentials.baseUrl).toBe("https://acme.cloud.akeneo.com");
    expect(config.settings.locales).toEqual(["en_US", "fr_FR"]);
    expect(config.settings.filters).toEqual({ enabled: "enabled", families: [], categories: ["master"], completeness: null });
  });

  it("applies environment overrides, process.env by default", () => {
    const file = write("env.json", JSON.stringify(baseConfig()));
    expect(loadConfig(file, { env: { AKENEO_CLIENT_SECRET: "from-env-Secret" } }).credentials.clientSecret).toBe("from-env-Secret");
    process.env["AKENEO_USERNAME"] = "process-env-user";
    try {
      expect(loadConfig(file).credentials.username).toBe("process-env-user");
    } finally {
      delete process.env["AKENEO_USERNAME"];
    }
  });

  it("resolves mapping files against the config file's directory, not the working directory", () => {
    mkdirSync(join(tmp, "sub", "maps"), { recursive: true });
    writeFileSync(join(tmp, "sub", "maps", "p.jsonata"), "$");
    const file = write("sub/mapped.json", JSON.stringify({ ...baseConfig(), mappings: { products: { pull: "maps/p.jsonata" } } }));
    expect(loadConfig(file, { env: {} }).mappings["products"]?.pull).toEqual({ file: join(tmp, "sub", "maps", "p.jsonata") });
  });

  it("resolves a relative config path against options.cwd and names it as given", () => {
    write("relative.json", JSON.stringify({ credentials: {} }));
    const error = failure(() => loadConfig("relative.json", { env: {}, cwd: tmp }));
    expect(error.message).toBe("[config] relative.json is invalid (5 problems)");
  });

  it("a missing file is one config error naming the path", () => {
    const error = failure(() => loadConfig(join(tmp, "nope.json"), { env: {} }));
    expect(error).toMatchObject({ code: "CONFIG_NOT_FOUND", kind: "config" });
    expect(describeError(error)).toBe(`[config] cannot read config file ${join(tmp, "nope.json")}: no such file; pass the path of a subscription config (JSON)`);
  });

  it("a directory is not a config file", () => {
    expect(failure(() => loadConfig(tmp, { env: {} })).message).toContain("it is a directory");
  });

  it.each([
    ["a trailing comma", '{\n  "credentials": {\n    "clientId": "x",\n  }\n}', 4, "expected a property name"],
    ["a missing comma", '{\n  "credentials": {}\n  "settings": {}\n}', 3, "expected ',' between entries"],
    ["an unclosed object", '{\n  "credentials": {\n', 3, "expected '}'"],
    ["a comment", '// mine\n{}', 1, "comments are not allowed"],
    ["an unquoted value", '{\n  "credentials": {\n    "password": pa55-Word-7d6c\n  }\n}', 3, "unexpected character"],
  ])("a file that is not JSON (%s) says which line, and nothing from the file", (_name, text, line, what) => {
    const error = failure(() => loadConfig(write("broken.json", text), { env: {} }));
    expect(error).toMatchObject({ code: "CONFIG_INVALID", kind: "config" });
    expect(error.message).toMatch(new RegExp(`^\\[config\\] .*broken\\.json is not valid JSON: line ${line}, column \\d+: ${what}`));
    expect(error.message).not.toContain(PASSWORD);
  });

  it("an empty file says so", () => {
    expect(failure(() => loadConfig(write("empty.json", " \n"), { env: {} })).message).toContain("empty.json is empty");
  });

  it("accepts a UTF-8 byte order mark", () => {
    const file = write("bom.json", `\uFEFF${JSON.stringify(baseConfig())}`);
    expect(loadConfig(file, { env: {} }).credentials.clientSecret).toBe(SECRET);
  });
});

describe("the README", () => {
  const readme = readFileSync(packagePath("README.md"), "utf8");

  it("shows the example config file verbatim", () => {
    expect(readme).toContain(`\`\`\`json\n${readFileSync(EXAMPLE, "utf8").trimEnd()}\n\`\`\``);
  });

  it("has one options-table row per credential and setting, with its manifest default", () => {
    const manifest = loadManifest();
    const rows = [
      ...manifest.credentials.map((field) => [`credentials.${field.key}`, field] as const),
      ...manifest.settings.flatMap((field) =>
        field.fields ? field.fields.map((inner) => [`settings.${field.key}.${inner.key}`, inner] as const) : [[`settings.${field.key}`, field] as const],
      ),
    ];
    for (const [name, field] of rows) {
      const shown = field.required ? "required" : field.items?.source === "entities" ? "all entities" : "default" in field ? `\`${JSON.stringify(field.default)}\`` : "derived";
      expect(readme).toContain(`| \`${name}\` | ${shown} |`);
    }
  });
});
