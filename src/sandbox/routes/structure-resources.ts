/** The catalog-structure resources the sandbox serves, described as data for `structureRoutes`. */
import type { Category, FamilyVariant } from "../catalog/types.js";
import { withCommonAttributes } from "../store/catalog-snapshot.js";
import type { StructureKind } from "../search/structure-filter.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { attributeGroupSpec, attributeOptionSpec, attributeSpec, optionsNotFound } from "../write/attribute-specs.js";
import { categorySpec } from "../write/category-spec.js";
import { associationTypeSpec, channelSpec } from "../write/channel-specs.js";
import { familySpec, familyVariantSpec } from "../write/family-specs.js";
import type { PathParams, StructureSpec } from "../write/upsert-structure.js";

type Item = { code: string } & Record<string, unknown>;

export interface StructureResource {
  /** List path pattern, e.g. `/api/rest/v1/families/{family_code}/variants`. */
  list: string;
  /** Route-name stem, e.g. `pim_api_family_variant`. */
  routeName: string;
  /** Entity name in 404 messages, e.g. `Family variant`. */
  label: string;
  /** Items in serving order; undefined when a path parameter names nothing. */
  items(store: SandboxStore, params: PathParams): readonly Item[] | undefined;
  /** 404 message when `items` is undefined. */
  parentNotFound?(store: SandboxStore, params: PathParams): string;
  search?: { kind: StructureKind; updatedOf(store: SandboxStore, code: string): number };
  serialize?(store: SandboxStore, item: Item, query: URLSearchParams, params: PathParams): Record<string, unknown>;
  spec?: StructureSpec;
}

const asItems = <T extends { code: string }>(list: readonly T[]) => list as unknown as readonly Item[];

export const STRUCTURE_RESOURCES: readonly StructureResource[] = [
  {
    list: "/api/rest/v1/categories", routeName: "pim_api_category", label: "Category", spec: categorySpec,
    items: (store) => asItems(store.categories.list()),
    search: { kind: "categories", updatedOf: (store, code) => store.categories.updatedOf(code) },
    serialize: (store, item, query) => (query.get("with_position") === "true" ? withPosition(store, item as unknown as Category) : item),
  },
  {
    list: "/api/rest/v1/families", routeName: "pim_api_family", label: "Family", spec: familySpec,
    items: (store) => asItems(store.families.list()),
    search: { kind: "families", updatedOf: (store, code) => store.families.updatedOf(code) },
  },
  {
    list: "/api/rest/v1/families/{family_code}/variants", routeName: "pim_api_family_variant", label: "Family variant", spec: familyVariantSpec,
    items: (store, params) => (store.families.has(params["family_code"] ?? "") ? asItems(store.familyVariants.get(params["family_code"] ?? "")?.list() ?? []) : undefined),
    parentNotFound: (_store, params) => `Family "${params["family_code"]}" does not exist.`,
    serialize: (store, item, _query, params) => withCommonAttributes(store, item as unknown as FamilyVariant, params["family_code"] ?? ""),
  },
  {
    list: "/api/rest/v1/attributes", routeName: "pim_api_attribute", label: "Attribute", spec: attributeSpec,
    items: (store) => asItems(store.attributes.list()),
    search: { kind: "attributes", updatedOf: (store, code) => store.attributes.updatedOf(code) },
  },
  {
    list: "/api/rest/v1/attributes/{attribute_code}/options", routeName: "pim_api_attribute_option", label: "Attribute option", spec: attributeOptionSpec,
    items: (store, params) => {
      const type = store.attributes.get(params["attribute_code"] ?? "")?.type;
      if (type !== "pim_catalog_simpleselect" && type !== "pim_catalog_multiselect") return undefined;
      return asItems(store.attributeOptions.get(params["attribute_code"] ?? "")?.list() ?? []);
    },
    parentNotFound: (store, params) => optionsNotFound(store, params["attribute_code"] ?? ""),
  },
  {
    list: "/api/rest/v1/attribute-groups", routeName: "pim_api_attribute_group", label: "Attribute group", spec: attributeGroupSpec,
    items: (store) => asItems(store.attributeGroups.list()),
    search: { kind: "attribute_groups", updatedOf: (store, code) => store.attributeGroups.updatedOf(code) },
  },
  { list: "/api/rest/v1/channels", routeName: "pim_api_channel", label: "Channel", spec: channelSpec, items: (store) => asItems(store.channels.list()) },
  { list: "/api/rest/v1/locales", routeName: "pim_api_locale", label: "Locale", items: (store) => asItems(store.locales.list()), search: { kind: "locales", updatedOf: () => 0 } },
  { list: "/api/rest/v1/currencies", routeName: "pim_api_currency", label: "Currency", items: (store) => asItems(store.currencies.list()), search: { kind: "currencies", updatedOf: () => 0 } },
  {
    list: "/api/rest/v1/association-types", routeName: "pim_api_association_type", label: "Association type", spec: associationTypeSpec,
    items: (store) => asItems(store.associationTypes.list()),
  },
];

function withPosition(store: SandboxStore, category: Category): Record<string, unknown> {
  const siblings = store.categories.list().filter((c) => c.parent === category.parent);
  const { labels, ...head } = category;
  return { ...head, position: siblings.findIndex((c) => c.code === category.code) + 1, labels };
}
