import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/parse-config.js";
import { describeError, isValidationError, type ValidationError } from "../../src/errors.js";
import { loadEntityDefinitions } from "../../src/manifest/entity-definitions.js";
import { clearRegisteredSecrets, REDACTED, redactText } from "../../src/redact.js";
import { badCases, baseConfig, goodCases, PASSWORD, SECRET } from "./config-cases.js";

const tmp = mkdtempSync(join(tmpdir(), "akeneo-config-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => clearRegisteredSecrets());

function rejection(input: unknown, options: Parameters<typeof parseConfig>[1] = {}): ValidationError {
  try {
    parseConfig(input, options);
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error("parseConfig accepted the config");
}

describe("parseConfig: bad input", () => {
  it.each(badCases)("rejects %s", (_name, change, path, message) => {
    const error = rejection(change(baseConfig()));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.kind).toBe("config");
    expect(error.message).toMatch(/^\[config\] config is invalid \(\d+ problems?\)$/);
    const issue = error.issues.find((candidate) => candidate.path === path);
    expect(issue?.message, JSON.stringify(error.issues)).toContain(message);
  });

  it("reports every problem at once, one per field, in form order", () => {
    const config = baseConfig();
    Object.assign(config.credentials, { baseUrl: "http://pim.example.com/api", clientId: "", concurrentConnections: 11 });
    config.settings = { pageSize: 0, colour: "red", filters: { completeness: -1 } };
    const paths = rejection(config).issues.map((issue) => issue.path);
    expect(paths).toEqual([
      "/credentials/baseUrl",
      "/credentials/clientId",
      "/credentials/concurrentConnections",
      "/settings/filters/completeness",
      "/settings/pageSize",
      "/settings/colour",
    ]);
  });

  it("never echoes a secret: not in the message, the issues, describeError or toJSON", () => {
    const config = baseConfig();
    Object.assign(config.credentials, { username: SECRET, baseUrl: `https://${PASSWORD}.example.com/api`, [PASSWORD]: 1 });
    const error = rejection(config);
    const printed = [error.message, describeError(error), JSON.stringify(error.toJSON()), JSON.stringify(error.issues)].join("\n");
    expect(printed).not.toContain(SECRET);
    expect(printed).not.toContain(PASSWORD);
  });

  it("registers the secrets as soon as they are read, even when the config is invalid", () => {
    const config = baseConfig();
    config.credentials["throttleLimit"] = 0;
    rejection(config, { env: { AKENEO_PASSWORD: "env-Passw0rd" } });
    expect(redactText(`a ${SECRET} b ${PASSWORD} c env-Passw0rd`)).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
  });
});

describe("parseConfig: good input, defaults and normalisation", () => {
  it.each(goodCases)("accepts %s", (_name, change) => {
    expect(() => parseConfig(change(baseConfig()))).not.toThrow();
  });

  it("fills in every default of docs/contracts.md", () => {
    const config = parseConfig(baseConfig());
    expect(config).toEqual({
      credentials: { authMode: "connection", ...baseConfig().credentials, throttleLimit: 500, throttleSeconds: 60, concurrentConnections: 4 },
      settings: {
        channel: "ecommerce",
        locales: ["en_US"],
        productIdFormat: "uuid",
        entities: ["products", "product_models", "categories", "families", "attributes", "attribute_options", "channels", "locales", "currencies"],
        filters: { enabled: "any", families: [], categories: [], completeness: null },
        restrictToChannelTree: false,
        nameAttribute: "name",
        descriptionAttribute: "description",
        priceAttribute: "price",
        mediaFormat: "link",
        pageSize: 100,
        batchSize: 100,
        overlapSeconds: 60,
      },
      mappings: {},
      lookups: {},
    });
  });

  it("enables by default exactly the entities defined in connector/", () => {
    expect([...parseConfig(baseConfig()).settings.entities].sort()).toEqual([...loadEntityDefinitions().keys()].sort());
  });

  it("trims copy-paste whitespace from ids, secrets and codes, and strips the URL's trailing slash", () => {
    const input = baseConfig();
    Object.assign(input.credentials, { baseUrl: "https://pim.example.com/pim/", clientId: " 1_client\n", clientSecret: `\t${SECRET} `, password: ` ${PASSWORD}` });
    input.settings = { channel: " print ", locales: ["fr_FR "], filters: { families: [" shoes"] } };
    const { credentials, settings } = parseConfig(input);
    expect(credentials).toMatchObject({ baseUrl: "https://pim.example.com/pim", clientId: "1_client", clientSecret: SECRET, password: PASSWORD });
    expect(settings).toMatchObject({ channel: "print", locales: ["fr_FR"], filters: { families: ["shoes"] } });
  });

  it("does not change its input, and accepts its own output", () => {
    const input = baseConfig();
    const snapshot = structuredClone(input);
    const config = parseConfig(input);
    expect(input).toEqual(snapshot);
    expect(parseConfig(config)).toEqual(config);
  });
});

describe("parseConfig: environment overrides", () => {
  const env = {
    AKENEO_BASE_URL: "https://env.example.com",
    AKENEO_CLIENT_ID: "env-id",
    AKENEO_CLIENT_SECRET: "env-Secret",
    AKENEO_USERNAME: "env-user",
    AKENEO_PASSWORD: "env-Password",
  };

  it("the environment wins over the file", () => {
    expect(parseConfig(baseConfig(), { env }).credentials).toMatchObject({
      baseUrl: "https://env.example.com",
      clientId: "env-id",
      clientSecret: "env-Secret",
      username: "env-user",
      password: "env-Password",
    });
  });

  it("supplies credentials the file leaves out", () => {
    expect(parseConfig({ credentials: {} }, { env }).credentials.password).toBe("env-Password");
    expect(parseConfig({}, { env }).credentials.clientId).toBe("env-id");
  });

  it("ignores empty variables and reads none unless given", () => {
    expect(parseConfig(baseConfig(), { env: { AKENEO_PASSWORD: "", AKENEO_CLIENT_ID: "  " } }).credentials.clientId).toBe("1_client");
    process.env["AKENEO_CLIENT_ID"] = "from-process-env";
    try {
      expect(parseConfig(baseConfig()).credentials.clientId).toBe("1_client");
    } finally {
      delete process.env["AKENEO_CLIENT_ID"];
    }
  });

  it("says when a bad value came from the environment", () => {
    const issue = rejection(baseConfig(), { env: { AKENEO_BASE_URL: "http://pim.example.com" } }).issues[0];
    expect(issue).toEqual({ path: "/credentials/baseUrl", message: expect.stringMatching(/must use https:\/\/.*\(value from AKENEO_BASE_URL\)$/) });
  });
});

describe("parseConfig: mapping overrides", () => {
  const dir = join(tmp, "mappings-case");
  mkdirSync(join(dir, "maps"), { recursive: true });
  writeFileSync(join(dir, "maps", "products.pull.jsonata"), "$");

  it("resolves file paths against baseDir and keeps inline expressions", () => {
    const input = { ...baseConfig(), mappings: { products: { pull: "maps/products.pull.jsonata", push: { expression: "$$" } }, families: { pull: { file: "maps/products.pull.jsonata" } } } };
    expect(parseConfig(input, { baseDir: dir }).mappings).toEqual({
      products: { pull: { file: join(dir, "maps", "products.pull.jsonata") }, push: { expression: "$$" } },
      families: { pull: { file: join(dir, "maps", "products.pull.jsonata") } },
    });
  });

  it("rejects an override file that does not exist, naming the entity and direction", () => {
    const input = { ...baseConfig(), mappings: { categories: { push: "maps/nope.jsonata" } } };
    const error = rejection(input, { baseDir: dir });
    expect(error.issues).toEqual([{ path: "/mappings/categories/push", message: expect.stringContaining("file not found") }]);
    expect(error.issues[0]?.message).toContain("the categories push mapping");
  });

  it("rejects a directory given as a mapping file, alongside the other problems", () => {
    const input = { ...baseConfig(), mappings: { products: { pull: "maps" } }, settings: { pageSize: 0 } };
    const paths = rejection(input, { baseDir: dir }).issues.map((issue) => issue.path);
    expect(paths).toEqual(["/settings/pageSize", "/mappings/products/pull"]);
  });
});
