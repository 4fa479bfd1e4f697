import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildConfigSchema } from "../../src/manifest/build-config-schema.js";
import { checkManifestEntities } from "../../src/manifest/check-manifest-entities.js";
import { loadEntityDefinitions } from "../../src/manifest/entity-definitions.js";
import { loadManifest, type ConnectorManifest } from "../../src/manifest/load-manifest.js";
import { summarizeManifest } from "../../src/manifest/summarize-manifest.js";
import { packagePath } from "../../src/package-root.js";

const manifest = loadManifest();
const pkg = JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as {
  version: string;
  main: string;
  bin: Record<string, string>;
};

describe("connector.manifest.json", () => {
  it("keeps its version equal to package.json's", () => {
    expect(manifest.version).toBe(pkg.version);
  });

  it("names the package's entry points", () => {
    expect(`./${manifest.entryPoints.library}`).toBe(pkg.main);
    expect(pkg.bin[manifest.entryPoints.bin]).toBe(manifest.entryPoints.cli);
  });

  it("declares the credential fields, secrets flagged, with the documented defaults and limits", () => {
    const byKey = Object.fromEntries(manifest.credentials.map((field) => [field.key, field]));
    expect(Object.keys(byKey)).toEqual(["baseUrl", "clientId", "clientSecret", "username", "password", "throttleLimit", "throttleSeconds", "concurrentConnections", "scopes"]);
    expect(manifest.credentials.filter((field) => field.secret).map((field) => field.key)).toEqual(["clientSecret", "password"]);
    expect(byKey["throttleLimit"]).toMatchObject({ default: 500, minimum: 1 });
    expect(byKey["throttleLimit"]?.help).toContain("5 during initial setup");
    expect(byKey["throttleSeconds"]).toMatchObject({ default: 60, minimum: 1 });
    expect(byKey["concurrentConnections"]).toMatchObject({ default: 4, minimum: 1, maximum: 10 });
    for (const field of manifest.credentials) {
      expect(field, field.key).toMatchObject({ title: expect.any(String), help: expect.any(String), required: expect.any(Boolean), group: expect.any(String), order: expect.any(Number) });
    }
  });

  it("declares exactly the subscription settings of docs/contracts.md", () => {
    const keys = manifest.settings.map((field) => field.key).sort();
    expect(keys).toEqual(
      ["channel", "locales", "productIdFormat", "entities", "filters", "restrictToChannelTree", "nameAttribute", "descriptionAttribute", "priceAttribute", "mediaFormat", "pageSize", "batchSize", "overlapSeconds"].sort(),
    );
    const filters = manifest.settings.find((field) => field.key === "filters");
    expect(filters?.fields?.map((field) => field.key)).toEqual(["enabled", "families", "categories", "completeness"]);
  });

  it("declares the verification checks of docs/contracts.md, each with a title and a one-line description", () => {
    expect(manifest.checks.map((check) => check.name)).toEqual([
      "config-valid",
      "api-reachable",
      "authentication",
      "permissions",
      "settings-exist",
      "sample-pull",
      "sample-push",
      "throttle-sane",
    ]);
    for (const check of manifest.checks) expect(check.description).not.toContain("\n");
  });

  it("is frozen, so no caller can change what others read", () => {
    expect(Object.isFrozen(manifest.credentials[0])).toBe(true);
  });
});

describe("manifest entities and connector/ definitions", () => {
  const definitions = loadEntityDefinitions();

  it("agree on names, directions and default mapping paths", () => {
    expect(manifest.entities.map((entity) => entity.name).sort()).toEqual([...definitions.keys()].sort());
    for (const entity of manifest.entities) {
      const definition = definitions.get(entity.name);
      expect(entity.directions, entity.name).toEqual(definition?.directions);
      expect(entity.mappings, entity.name).toEqual(definition?.mappings);
      expect(entity.title, entity.name).toBe(definition?.title);
    }
    expect(checkManifestEntities(manifest, definitions)).toEqual([]);
  });

  it("a disagreement is reported at the entity's path", () => {
    const copy = structuredClone(manifest) as ConnectorManifest;
    copy.entities[0].directions = ["pull"];
    copy.entities[1]!.mappings = {};
    copy.entities.pop();
    copy.entities.push({ name: "widgets", title: "Widgets", directions: ["pull"], mappings: {} });
    expect(checkManifestEntities(copy, definitions).map((issue) => issue.path)).toEqual([
      "/entities/0/directions",
      "/entities/1/mappings/pull",
      "/entities/1/mappings/push",
      "/entities/8/name",
      "/entities",
    ]);
  });
});

describe("the App mode is data", () => {
  it("declares the Connection (default) and Connected App modes", () => {
    expect(manifest.authModes.map((mode) => [mode.id, mode.grant])).toEqual([
      ["connection", "password"],
      ["app", "authorization_code"],
    ]);
  });

  it("the connection form is the one of a connection-only manifest, plus the authMode selector", () => {
    const connectionOnly = structuredClone(manifest) as ConnectorManifest;
    connectionOnly.authModes.splice(1);
    connectionOnly.credentials = connectionOnly.credentials
      .filter((field) => field.authModes.includes("connection"))
      .map((field) => ({ ...field, authModes: ["connection"] })) as ConnectorManifest["credentials"];
    const before = buildConfigSchema(connectionOnly, { part: "credentials" }) as { required: string[]; properties: Record<string, unknown> };
    const after = buildConfigSchema(manifest, { authMode: "connection", part: "credentials" }) as { required: string[]; properties: Record<string, unknown> };
    const { authMode, ...rest } = after.properties;
    expect(authMode).toMatchObject({ const: "connection", default: "connection" });
    expect(rest).toEqual(before.properties);
    expect(after.required).toEqual(before.required);
  });

  it("the App form has no user password, and optional scopes", () => {
    const app = buildConfigSchema(manifest, { authMode: "app", part: "credentials" }) as { required: string[]; properties: Record<string, unknown> };
    expect(app.required).toEqual(["authMode", "baseUrl", "clientId", "clientSecret"]);
    expect(app.properties["scopes"]).toMatchObject({ type: "array", minItems: 1, uniqueItems: true });
    expect(Object.keys(app.properties)).not.toContain("password");
  });

  it("an unknown auth mode is a usage error", () => {
    expect(() => buildConfigSchema(manifest, { authMode: "oauth1" })).toThrow(/unknown auth mode "oauth1"; known: connection, app/);
  });
});

describe("summarizeManifest", () => {
  const summary = summarizeManifest(manifest);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  it("names the connector and version, every credential field, setting, entity with directions, and check", () => {
    expect(summary.split("\n")[0]).toBe(`Akeneo PIM ${pkg.version} (akeneo-pim) by ${manifest.vendor.name}`);
    for (const field of manifest.credentials) expect(summary).toMatch(new RegExp(`^  ${field.key} .*${escape(field.title)}`, "m"));
    expect(summary).toMatch(/^ {2}clientSecret .*required, secret, env AKENEO_CLIENT_SECRET$/m);
    expect(summary).toMatch(/^ {2}concurrentConnections .*default 4 \(1\.\.10\)$/m);
    expect(summary).toMatch(/^ {2}filters\.completeness .*default null \(0\.\.100\)$/m);
    expect(summary).toMatch(/^ {2}entities .*default all entities$/m);
    expect(summary).toMatch(/^ {2}products .*pull, push$/m);
    expect(summary).toMatch(/^ {2}channels .*Channels +pull$/m);
    for (const check of manifest.checks) expect(summary).toMatch(new RegExp(`^  ${check.name} .*${escape(check.title)}$`, "m"));
  });
});
