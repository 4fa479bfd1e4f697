/**
 * Connected-App scopes in the sandbox (NOTES §1b): the names the authorize page accepts, and which
 * scope each API endpoint needs. A write scope includes its read scope, as in Akeneo.
 */

/** Every scope name Akeneo documents (CE, EE and SaaS), plus the OpenID ones. */
export const KNOWN_SCOPES: ReadonlySet<string> = new Set(
  (
    "read_products write_products delete_products read_catalog_structure write_catalog_structure " +
    "read_attribute_options write_attribute_options read_categories write_categories read_channel_localization " +
    "read_channel_settings write_channel_settings read_association_types write_association_types " +
    "read_catalogs write_catalogs delete_catalogs read_asset_families write_asset_families read_assets write_assets delete_assets " +
    "read_reference_entities write_reference_entities read_reference_entity_records write_reference_entity_records " +
    "read_workflows read_workflow_step_assignees read_workflow_tasks write_workflow_tasks create_suggestions read_suggestions manage_suggestions " +
    "openid profile email"
  ).split(" "),
);

/** First path segment under /api/rest/v1 → the scope family that covers it. */
const FAMILIES: Readonly<Record<string, string>> = {
  products: "products",
  "products-uuid": "products",
  "product-models": "products",
  "media-files": "products",
  categories: "categories",
  "category-media-files": "categories",
  attributes: "catalog_structure",
  "attribute-groups": "catalog_structure",
  families: "catalog_structure",
  channels: "channel_settings",
  locales: "channel_localization",
  currencies: "channel_localization",
  "association-types": "association_types",
};

/** The scope an App token needs for `method` on `path`, or undefined when the endpoint needs none. */
export function requiredScopeFor(method: string, path: string): string | undefined {
  const segments = path.replace(/^\/api\/rest\/v1\/?/, "").split("/");
  const first = segments[0] ?? "";
  let family = FAMILIES[first];
  if (first === "attributes" && segments[2] === "options") family = "attribute_options";
  if (family === undefined) return undefined;
  return `${method === "GET" || method === "HEAD" ? "read" : "write"}_${family}`;
}

/** True when `granted` includes `scope` (directly, or as the write scope that includes a read scope). */
export function hasScope(granted: ReadonlySet<string>, scope: string): boolean {
  return granted.has(scope) || (scope.startsWith("read_") && granted.has(`write_${scope.slice("read_".length)}`));
}
