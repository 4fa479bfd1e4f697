import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/parse-config.js";
import { isValidationError } from "../../src/errors.js";
import { buildForm } from "../../src/manifest/build-form.js";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { createAjv, toValidationIssues } from "../../src/ajv.js";
import { clearRegisteredSecrets, redactText } from "../../src/redact.js";
import { baseConfig, PASSWORD, SECRET } from "./config-cases.js";

afterEach(() => clearRegisteredSecrets());

const appConfig = (credentials: Record<string, unknown> = {}, settings?: Record<string, unknown>) => ({
  credentials: { authMode: "app", baseUrl: "https://pim.example.com/", clientId: " app_1 ", clientSecret: SECRET, ...credentials },
  ...(settings ? { settings } : {}),
});

function issuesOf(input: unknown, env: Record<string, string> = {}): { path: string; message: string }[] {
  try {
    parseConfig(input, { env });
  } catch (error) {
    if (isValidationError(error)) return error.issues;
    throw error;
  }
  return [];
}

const validateForm = createAjv().compile(buildForm(loadManifest()).schema);
const formAccepts = (config: unknown) => validateForm(structuredClone(config)) || toValidationIssues(validateForm.errors);

describe("parseConfig: Connected App mode", () => {
  it("normalises App credentials and derives the scopes from the enabled entities", () => {
    const config = parseConfig(appConfig({}, { entities: ["products", "categories"] }));
    expect(config.credentials).toEqual({
      authMode: "app",
      baseUrl: "https://pim.example.com",
      clientId: "app_1",
      clientSecret: SECRET,
      throttleLimit: 500,
      throttleSeconds: 60,
      concurrentConnections: 4,
      scopes: ["read_attribute_options", "read_catalog_structure", "write_categories", "write_products"],
    });
    expect(redactText(`x ${SECRET}`)).toBe("x [REDACTED]");
  });

  it("keeps configured scopes as given (trimmed)", () => {
    expect(parseConfig(appConfig({ scopes: [" read_products ", "read_categories"] })).credentials.scopes).toEqual(["read_products", "read_categories"]);
  });

  it("a Connection config gets authMode connection; the schema (oneOf) accepts both", () => {
    expect(parseConfig(baseConfig()).credentials.authMode).toBe("connection");
    expect(parseConfig({ ...baseConfig(), credentials: { ...baseConfig().credentials, authMode: "connection" } }).credentials.authMode).toBe("connection");
    expect(formAccepts(appConfig())).toBe(true);
    expect(formAccepts(baseConfig())).toBe(true);
  });

  it.each([
    ["an unknown mode", appConfig({ authMode: "oauth" }), "/credentials/authMode", 'must be "connection" (Connection (API user), the default) or "app" (Connected App)'],
    ["a password in an App config", appConfig({ password: PASSWORD }), "/credentials/password", 'is only used with "authMode": "connection": remove it, or set "authMode" to "connection" (this config uses "app")'],
    ["scopes in a Connection config", { credentials: { ...baseConfig().credentials, scopes: ["read_products"] } }, "/credentials/scopes", 'is only used with "authMode": "app": remove it, or set "authMode" to "app" (this config uses "connection")'],
    ["a missing client secret", appConfig({ clientSecret: undefined }), "/credentials/clientSecret", "is required: copy it from Connect → Connection settings in the PIM (or from the app's registration) (or set AKENEO_CLIENT_SECRET)"],
    ["an empty scope list", appConfig({ scopes: [] }), "/credentials/scopes", "must list at least 1 value"],
    ["a scope that is not a name", appConfig({ scopes: ["read products"] }), "/credentials/scopes/0", "must be an Akeneo scope name such as read_products or write_catalog_structure"],
  ])("%s: one precise issue", (_name, input, path, message) => {
    const issues = issuesOf(JSON.parse(JSON.stringify(input)));
    expect(issues).toEqual([{ path, message }]);
  });

  it("the unknown-mode issue comes first, with the other problems still reported", () => {
    const issues = issuesOf(appConfig({ authMode: 3, baseUrl: "http://pim.example.com" }));
    expect(issues.map((issue) => issue.path)).toEqual(["/credentials/authMode", "/credentials/baseUrl"]);
  });

  it("App mode ignores AKENEO_USERNAME and AKENEO_PASSWORD, and takes the other variables", () => {
    const config = parseConfig(appConfig({ clientSecret: undefined }), { env: { AKENEO_USERNAME: "u", AKENEO_PASSWORD: "p-word", AKENEO_CLIENT_SECRET: "env-app-secret" } });
    expect(config.credentials).toMatchObject({ authMode: "app", clientSecret: "env-app-secret" });
    expect(config.credentials.password).toBeUndefined();
  });
});
