/**
 * Good and bad subscription configs shared by the config tests (the runtime) and the form tests
 * (the generated schema alone): both must accept and reject exactly the same ones.
 */
export const SECRET = "s3cr3t-Sauce-9f8e";
export const PASSWORD = "pa55-Word-7d6c";

export type ConfigObject = { credentials: Record<string, unknown>; settings?: Record<string, unknown>; [key: string]: unknown };

/** A fresh, minimal valid config: the required credentials only. */
export function baseConfig(): ConfigObject {
  return {
    credentials: {
      baseUrl: "https://pim.example.com",
      clientId: "1_client",
      clientSecret: SECRET,
      username: "sync_1234",
      password: PASSWORD,
    },
  };
}

type Change = (config: ConfigObject) => unknown;

const creds =
  (values: Record<string, unknown>): Change =>
  (config) => ({ ...config, credentials: { ...config.credentials, ...values } });
const settings =
  (values: Record<string, unknown>): Change =>
  (config) => ({ ...config, settings: values });
const without =
  (key: string): Change =>
  (config) => {
    const rest = { ...config.credentials };
    delete rest[key];
    return { ...config, credentials: rest };
  };

/** [name, change] pairs that stay valid. */
export const goodCases: [string, Change][] = [
  ["the minimal config", (config) => config],
  ["http to localhost", creds({ baseUrl: "http://localhost:8080" })],
  ["http to 127.0.0.1 with a trailing slash", creds({ baseUrl: "http://127.0.0.1:8081/" })],
  ["http to [::1]", creds({ baseUrl: "http://[::1]:9000" })],
  ["a PIM under a sub-path", creds({ baseUrl: "https://example.com/pim/" })],
  ["a path segment that merely starts with api", creds({ baseUrl: "https://example.com/apiary" })],
  ["whitespace around ids and secrets", creds({ clientId: " 1_client\n", clientSecret: `\t${SECRET} `, username: " sync_1234 " })],
  ["every limit at its bound", creds({ throttleLimit: 1, throttleSeconds: 3600, concurrentConnections: 10 })],
  ["completeness 0 and overlap 0", settings({ filters: { completeness: 0 }, overlapSeconds: 0 })],
  ["completeness null", settings({ filters: { completeness: null } })],
  ["entities by name", settings({ entities: ["products", "channels"] })],
  ["an inline mapping", (config) => ({ ...config, mappings: { products: { pull: { expression: "$" } } } })],
  ["lookups", (config) => ({ ...config, lookups: { countries: { FR: "France" } } })],
  ["a $schema reference", (config) => ({ ...config, $schema: "../schemas/subscription-config.schema.json" })],
];

/** [name, change, path, message fragment] for configs that must be rejected. */
export const badCases: [string, Change, string, string][] = [
  ["a missing client id", without("clientId"), "/credentials/clientId", "is required: copy it from Connect"],
  ["a missing password", without("password"), "/credentials/password", "or set AKENEO_PASSWORD"],
  ["no credentials at all", () => ({}), "/credentials/baseUrl", "is required"],
  ["an empty client id", creds({ clientId: "" }), "/credentials/clientId", "must not be empty"],
  ["a blank secret", creds({ clientSecret: "   " }), "/credentials/clientSecret", "must not be blank"],
  ["a username of the wrong type", creds({ username: 42 }), "/credentials/username", "must be a string"],
  ["a limit given as a string", creds({ throttleLimit: "500" }), "/credentials/throttleLimit", "must be a whole number, e.g. 500"],
  ["a fractional concurrency", creds({ concurrentConnections: 2.5 }), "/credentials/concurrentConnections", "must be a whole number"],
  ["a non-URL", creds({ baseUrl: "pim.example.com" }), "/credentials/baseUrl", "must be a URL such as https://"],
  ["http to a remote host", creds({ baseUrl: "http://pim.example.com" }), "/credentials/baseUrl", "must use https://"],
  ["http to a look-alike of localhost", creds({ baseUrl: "http://localhost.evil.com" }), "/credentials/baseUrl", "must use https://"],
  ["a URL ending in /api", creds({ baseUrl: "https://pim.example.com/api" }), "/credentials/baseUrl", "must not include /api"],
  ["a URL with the REST path", creds({ baseUrl: "https://pim.example.com/api/rest/v1/" }), "/credentials/baseUrl", "must not include /api"],
  ["a URL with spaces", creds({ baseUrl: " https://pim.example.com" }), "/credentials/baseUrl", "must not contain spaces"],
  ["a URL with a password in it", creds({ baseUrl: "https://u:pw@pim.example.com" }), "/credentials/baseUrl", "must not contain a username or password"],
  ["a URL with a query", creds({ baseUrl: "https://pim.example.com/?x=1" }), "/credentials/baseUrl", "must not have a query"],
  ["a zero throttle limit", creds({ throttleLimit: 0 }), "/credentials/throttleLimit", "must be at least 1"],
  ["a negative throttle limit", creds({ throttleLimit: -5 }), "/credentials/throttleLimit", "must be at least 1"],
  ["a zero throttle window", creds({ throttleSeconds: 0 }), "/credentials/throttleSeconds", "must be at least 1"],
  ["a negative throttle window", creds({ throttleSeconds: -60 }), "/credentials/throttleSeconds", "must be at least 1"],
  [
    "concurrency above 10",
    creds({ concurrentConnections: 11 }),
    "/credentials/concurrentConnections",
    "must be at most 10 (Akeneo allows 4 in-flight calls per connection)",
  ],
  ["zero concurrency", creds({ concurrentConnections: 0 }), "/credentials/concurrentConnections", "must be at least 1"],
  ["an unknown credential", creds({ apiKey: "x" }), "/credentials/apiKey", "is not a known credential"],
  ["an unknown setting", settings({ colour: "blue" }), "/settings/colour", "is not a known setting: remove it or fix its spelling (known: channel"],
  ["an unknown top-level key", (config) => ({ ...config, extra: true }), "/extra", "is not a known section"],
  ["an unknown entity", settings({ entities: ["products", "widgets"] }), "/settings/entities/1", "is not a known entity (known: products"],
  ["no entities", settings({ entities: [] }), "/settings/entities", "must list at least 1 value"],
  ["no locales", settings({ locales: [] }), "/settings/locales", "must list at least 1 value"],
  ["a malformed locale", settings({ locales: ["english"] }), "/settings/locales/0", "must be a locale code"],
  ["an unknown product id format", settings({ productIdFormat: "sku" }), "/settings/productIdFormat", 'must be one of "uuid", "identifier"'],
  ["a page size above 100", settings({ pageSize: 101 }), "/settings/pageSize", "must be at most 100"],
  ["completeness above 100", settings({ filters: { completeness: 101 } }), "/settings/filters/completeness", "must be at most 100"],
  ["completeness as text", settings({ filters: { completeness: "80" } }), "/settings/filters/completeness", "must be a whole number or null"],
  ["a negative overlap", settings({ overlapSeconds: -1 }), "/settings/overlapSeconds", "must be at least 0"],
  ["a channel with spaces inside", settings({ channel: "e commerce" }), "/settings/channel", "must be a channel code"],
  ["a mapping for an unknown entity", (config) => ({ ...config, mappings: { widgets: { pull: "x.jsonata" } } }), "/mappings/widgets", "is not a known entity"],
  ["a push mapping for a pull-only entity", (config) => ({ ...config, mappings: { channels: { push: "x.jsonata" } } }), "/mappings/channels/push", "known: pull"],
  ["a mapping of the wrong shape", (config) => ({ ...config, mappings: { products: { pull: { path: "x" } } } }), "/mappings/products/pull", "must be a file path"],
  ["credentials that are not an object", () => ({ credentials: "https://pim.example.com" }), "/credentials", "must be an object"],
  ["a config that is not an object", () => [1, 2], "", "must be an object"],
];
