/**
 * Response shaping of product and product-model reads: `scope` (one channel: its scopable values and
 * its locales only, and — on lists — only products classified in its category tree), `locales`,
 * `attributes`, `with_attribute_options` (linked_data) and `with_completenesses`.
 */
import type { Values } from "../catalog/types.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { httpError } from "./akeneo-error.js";

export interface Shaping {
  scope?: string;
  locales?: Set<string>;
  attributes?: Set<string>;
  withAttributeOptions: boolean;
  withCompletenesses: boolean;
  /** The search filters categories itself, so `scope` adds no tree restriction. */
  ownCategoryFilter?: boolean;
}

/** A string that differs whenever two shapings could serve an item differently. */
export function shapingKey(shaping: Shaping): string {
  const list = (set?: Set<string>) => (set ? [...set].sort().join(",") : "*");
  return [shaping.scope ?? "*", list(shaping.locales), list(shaping.attributes), shaping.withAttributeOptions, shaping.withCompletenesses, Boolean(shaping.ownCategoryFilter)].join("|");
}

const splitList = (text: string) => text.split(",").map((s) => s.trim()).filter((s) => s !== "");

/** Read and validate the shaping parameters (422 for unknown channels, locales or attributes). */
export function parseShaping(store: SandboxStore, query: URLSearchParams): Shaping {
  const shaping: Shaping = { withAttributeOptions: query.get("with_attribute_options") === "true", withCompletenesses: query.get("with_completenesses") === "true" };
  const scope = query.get("scope");
  if (scope !== null) {
    const channel = store.channels.get(scope);
    if (!channel) throw httpError(422, `Scope "${scope}" does not exist.`);
    shaping.scope = scope;
    shaping.locales = new Set(channel.locales);
  }
  const locales = query.get("locales");
  if (locales !== null) {
    const codes = splitList(locales);
    const bad = codes.filter((c) => !store.locales.get(c)?.enabled);
    if (bad.length > 0) {
      throw httpError(422, bad.length > 1 ? `Locales "${bad.join(", ")}" do not exist or are not activated.` : `Locale "${bad[0]}" does not exist or is not activated.`);
    }
    shaping.locales = new Set(codes);
  }
  const attributes = query.get("attributes");
  if (attributes !== null) {
    const codes = splitList(attributes);
    const bad = codes.filter((c) => !store.attributes.has(c));
    if (bad.length > 0) throw httpError(422, bad.length > 1 ? `Attributes "${bad.join(", ")}" do not exist.` : `Attribute "${bad[0]}" does not exist.`);
    shaping.attributes = new Set(codes);
  }
  return shaping;
}

/**
 * True when a product's categories put it in the scope channel's tree (always true without `scope`).
 * Like Akeneo, the tree restriction is only added when the search has no `categories` filter of its own.
 */
export function inScopeTree(store: SandboxStore, shaping: Shaping, categories: readonly string[]): boolean {
  if (shaping.scope === undefined || shaping.ownCategoryFilter) return true;
  const tree = store.channels.get(shaping.scope)?.category_tree;
  return categories.some((c) => store.categoryRoot(c) === tree);
}

/** Keep only the requested values; add `linked_data` for select options when asked. */
export function shapeValues(store: SandboxStore, values: Values, shaping: Shaping): Values {
  const out: Values = {};
  for (const [code, entries] of Object.entries(values)) {
    if (shaping.attributes && !shaping.attributes.has(code)) continue;
    const kept = entries.filter(
      (e) => (shaping.scope === undefined || e.scope === null || e.scope === shaping.scope) && (shaping.locales === undefined || e.locale === null || shaping.locales.has(e.locale)),
    );
    if (kept.length === 0) continue;
    out[code] = shaping.withAttributeOptions ? kept.map((e) => withLinkedData(store, code, e)) : kept;
  }
  return out;
}

function withLinkedData<T extends { data: unknown }>(store: SandboxStore, code: string, entry: T): T {
  const type = store.attributes.get(code)?.type;
  const options = store.attributeOptions.get(code);
  const link = (option: string) => ({ attribute: code, code: option, labels: options?.get(option)?.labels ?? {} });
  if (type === "pim_catalog_simpleselect" && typeof entry.data === "string") return { ...entry, linked_data: link(entry.data) };
  if (type === "pim_catalog_multiselect" && Array.isArray(entry.data)) {
    return { ...entry, linked_data: Object.fromEntries((entry.data as string[]).map((o) => [o, link(o)])) };
  }
  return entry;
}
