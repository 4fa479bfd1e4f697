import { Ajv } from "ajv";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAjv, toValidationIssues } from "../../src/ajv.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { buildForm } from "../../src/manifest/build-form.js";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { packagePath } from "../../src/package-root.js";
import { badCases, baseConfig, goodCases } from "../config/config-cases.js";

type Schema = { [key: string]: unknown; properties: Record<string, Schema>; required?: string[] };

const manifest = loadManifest();
const form = buildForm(manifest);
const schema = form.schema as Schema;
const credentials = buildForm(manifest, { part: "credentials" });
const connection = buildForm(manifest, { part: "credentials", authMode: "connection" });
const app = buildForm(manifest, { part: "credentials", authMode: "app" });
const fieldsOf = (mode: string) => manifest.credentials.filter((field) => field.authModes.includes(mode));
const settings = buildForm(manifest, { part: "settings" });
const validate = createAjv().compile(form.schema);
const schemaIssues = (config: unknown) => (validate(structuredClone(config)) ? [] : toValidationIssues(validate.errors));
const runtimeAccepts = (config: unknown) => {
  try {
    parseConfig(config);
    return true;
  } catch {
    return false;
  }
};

describe("buildForm: the JSON Schema", () => {
  it.each([
    ["whole config", form],
    ["credentials", credentials],
    ["connection credentials", connection],
    ["app credentials", app],
    ["settings", settings],
  ])("%s: draft-07, compiled by ajv, and by a strict ajv (no unknown keywords)", (_name, part) => {
    expect(part.schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
    expect(() => createAjv().compile(part.schema)).not.toThrow();
    const strict = new Ajv({ strict: true, allowUnionTypes: true, validateFormats: false });
    // OpenAPI's `discriminator` is an annotation for form renderers; the branches' `const` does the validating.
    strict.addKeyword({ keyword: "discriminator", schemaType: "object" });
    expect(() => strict.compile(part.schema)).not.toThrow();
  });

  it("the whole config is {credentials, settings, mappings?, lookups?}", () => {
    expect(Object.keys(schema.properties)).toEqual(["$schema", "credentials", "settings", "mappings", "lookups"]);
    expect(schema.required).toEqual(["credentials"]);
    expect(schema.properties["credentials"]).toEqual(Object.fromEntries(Object.entries(credentials.schema).filter(([key]) => key !== "$schema")));
  });

  it("credentials are a oneOf of the auth modes, with a discriminator on authMode; each mode's part is that branch", () => {
    expect(credentials.schema).toMatchObject({ type: "object", discriminator: { propertyName: "authMode" } });
    const branches = credentials.schema["oneOf"] as Schema[];
    expect(branches.map((branch) => branch.properties["authMode"]?.["const"])).toEqual(["connection", "app"]);
    expect(branches.map((branch) => branch["title"])).toEqual(manifest.authModes.map((mode) => mode.title));
    const { $schema: _a, title: _t, description: _d, ...connectionBranch } = connection.schema;
    expect(branches[0]).toMatchObject(connectionBranch);
    expect(branches[0]!.required).not.toContain("authMode");
    expect(branches[1]!.required?.[0]).toBe("authMode");
    const ui = credentials.uiSchema as { oneOf: Record<string, unknown>[] };
    expect(ui.oneOf.map((option) => option["ui:title"])).toEqual(["Connection (API user)", "Connected App"]);
    expect(ui.oneOf[1]).toMatchObject({ authMode: { "ui:widget": "hidden" }, scopes: { "ui:help": expect.any(String) } });
  });

  it("`required` covers every required credential of each mode", () => {
    const required = manifest.credentials.filter((field) => field.required).map((field) => field.key);
    expect(connection.schema["required"]).toEqual(required);
    expect(required).toEqual(["baseUrl", "clientId", "clientSecret", "username", "password"]);
    expect(app.schema["required"]).toEqual(["authMode", "baseUrl", "clientId", "clientSecret"]);
    expect(Object.keys((app.schema as Schema).properties)).toEqual(["authMode", "baseUrl", "clientId", "clientSecret", "throttleLimit", "throttleSeconds", "concurrentConnections", "scopes"]);
  });

  it.each(["connection", "app"])("secrets are writeOnly and masked; nothing else is (%s)", (mode) => {
    const part = buildForm(manifest, { part: "credentials", authMode: mode });
    const properties = (part.schema as Schema).properties;
    const ui = part.uiSchema as Record<string, Record<string, unknown>>;
    for (const field of fieldsOf(mode)) {
      expect(properties[field.key]?.["writeOnly"], field.key).toBe(field.secret ? true : undefined);
      expect(ui[field.key]?.["ui:widget"] === "password", field.key).toBe(field.secret);
    }
  });

  it("numeric limits carry minimum and maximum, and defaults", () => {
    const properties = (connection.schema as Schema).properties;
    expect(properties["throttleLimit"]).toMatchObject({ type: "integer", minimum: 1, default: 500 });
    expect(properties["throttleSeconds"]).toMatchObject({ type: "integer", minimum: 1, default: 60 });
    expect(properties["concurrentConnections"]).toMatchObject({ type: "integer", minimum: 1, maximum: 10, default: 4 });
    expect((settings.schema as Schema).properties["pageSize"]).toMatchObject({ minimum: 1, maximum: 100, default: 100 });
  });

  it("the URL has format uri and a pattern: http(s)://host, no /api, http only to loopback", () => {
    const baseUrl = (connection.schema as Schema).properties["baseUrl"] as Schema & { pattern: string };
    expect(baseUrl.format).toBe("uri");
    const pattern = new RegExp(baseUrl.pattern, "u");
    for (const ok of ["https://pim.example.com", "https://pim.example.com:8443/", "http://localhost", "http://127.0.0.1:8080", "http://[::1]:80/pim"]) {
      expect(pattern.test(ok), ok).toBe(true);
    }
    for (const bad of ["ftp://pim.example.com", "http://pim.example.com", "https://pim.example.com/api", "https://x.com/api/rest/v1", "https://x.com?q", "pim.example.com"]) {
      expect(pattern.test(bad), bad).toBe(false);
    }
  });

  it("entities are chosen from the manifest's entities, all by default", () => {
    const entities = (settings.schema as Schema).properties["entities"] as Schema & { items: { enum: string[] }; default: string[] };
    const names = manifest.entities.map((entity) => entity.name);
    expect(entities.items.enum).toEqual(names);
    expect(entities.default).toEqual(names);
  });
});

describe("buildForm: the UI schema", () => {
  it.each([
    ["connection", ["pim", "connection", "limits"]],
    ["app", ["pim", "connection", "limits", "app"]],
  ])("orders, helps and groups every field of the part (%s)", (mode, groups) => {
    const ui = buildForm(manifest, { part: "credentials", authMode: mode }).uiSchema as Record<string, unknown> & { "ui:groups": { id: string; fields: string[] }[] };
    const keys = fieldsOf(mode).map((field) => field.key);
    expect(ui["ui:order"]).toEqual(["authMode", ...keys]);
    expect(ui["ui:groups"].flatMap((group) => group.fields)).toEqual(keys);
    expect(ui["ui:groups"].map((group) => group.id)).toEqual(groups);
    for (const field of fieldsOf(mode)) expect((ui[field.key] as Record<string, unknown>)["ui:help"]).toBe(field.help);
    expect((ui["baseUrl"] as Record<string, unknown>)["ui:placeholder"]).toBe("https://your-pim.cloud.akeneo.com");
  });

  it("nests the filters' UI and names enum choices", () => {
    const ui = settings.uiSchema as Record<string, Record<string, unknown>>;
    expect(ui["filters"]?.["ui:order"]).toEqual(["enabled", "families", "categories", "completeness"]);
    expect(ui["productIdFormat"]?.["ui:enumNames"]).toEqual(["UUID (recommended)", "Identifier (SKU)"]);
    expect(ui["entities"]?.["ui:widget"]).toBe("checkboxes");
  });

  it("the whole config's UI schema holds both parts", () => {
    expect(form.uiSchema["credentials"]).toEqual(credentials.uiSchema);
    expect(form.uiSchema["settings"]).toEqual(settings.uiSchema);
  });
});

describe("one source of truth: the schema accepts exactly what the runtime accepts", () => {
  it("accepts the README's example config", () => {
    const example = JSON.parse(readFileSync(packagePath("examples", "subscription.example.json"), "utf8"));
    expect(schemaIssues(example)).toEqual([]);
    expect(runtimeAccepts(example)).toBe(true);
  });

  it.each(goodCases)("accepts %s (so does parseConfig)", (_name, change) => {
    const config = change(baseConfig());
    expect(schemaIssues(config)).toEqual([]);
    expect(runtimeAccepts(config)).toBe(true);
  });

  it.each(badCases)("rejects %s at the path parseConfig names (or its parent)", (_name, change, path) => {
    const config = change(baseConfig());
    const paths = schemaIssues(config).map((issue) => issue.path);
    expect(paths.some((at) => path === at || path.startsWith(`${at}/`)), JSON.stringify(paths)).toBe(true);
    expect(runtimeAccepts(config)).toBe(false);
  });

  it("the committed schemas/subscription-config.schema.json is this schema", () => {
    expect(JSON.parse(readFileSync(packagePath("schemas", "subscription-config.schema.json"), "utf8"))).toEqual(form.schema);
  });
});
