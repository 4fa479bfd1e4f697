/**
 * Validation of incoming product values against the attributes: known attribute, locale/scope
 * rules, and `data` of the attribute type's shape. Returns normalised values (decimals as strings,
 * dates as full ISO strings) and one `errors[]` entry per problem, in Akeneo's wording.
 */
import type { Attribute, ValueEntry } from "../catalog/types.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { isPlainObject, phpType, type AkeneoErrorDetail } from "../http/akeneo-error.js";
import { normaliseData, Refusal } from "./normalise-data.js";

export interface ValidatedValues {
  /**
   * Valid entries by attribute code, for mergeValues. An entry whose data needed no normalising is
   * the input's own object (and a list of such entries the input's own array), which may hold more
   * keys than `locale`, `scope` and `data`: read only those three, as mergeValues does.
   */
  values: Array<[code: string, entries: ValueEntry[]]>;
  errors: AkeneoErrorDetail[];
}

/** Validate `input` (the `values` property of a write). */
export function validateValues(store: SandboxStore, input: unknown): ValidatedValues {
  const errors: AkeneoErrorDetail[] = [];
  const values: ValidatedValues["values"] = [];
  if (!isPlainObject(input)) return { values, errors: [{ property: "values", message: `Property "values" expects an array as data, "${phpType(input)}" given.` }] };
  for (const code of Object.keys(input)) {
    const rawEntries = input[code];
    const attribute = store.attributes.get(code);
    if (!attribute) {
      errors.push({ property: "values", message: `Attribute "${code}" does not exist.`, attribute: code });
      continue;
    }
    if (!Array.isArray(rawEntries)) {
      errors.push({ property: "values", message: `Property "values" expects an array as data, "${phpType(rawEntries)}" given.`, attribute: code });
      continue;
    }
    const entries = validateEntries(store, attribute, rawEntries, errors);
    // When values were built as an object, `values.__proto__ = entries` set its prototype and was never merged.
    if (code !== "__proto__") values.push([code, entries]);
  }
  return { values, errors };
}

/** The valid entries of one attribute: `raw` itself when every entry is valid and stored as given. */
function validateEntries(store: SandboxStore, attribute: Attribute, raw: unknown[], errors: AkeneoErrorDetail[]): ValueEntry[] {
  let entries: ValueEntry[] | undefined; // set at the first entry that is not raw's own, or is dropped
  for (let i = 0; i < raw.length; i++) {
    const entry = validateEntry(store, attribute, raw[i], errors);
    if (entries === undefined && entry !== undefined && entry === raw[i]) continue;
    entries ??= raw.slice(0, i) as ValueEntry[];
    if (entry) entries.push(entry);
  }
  return entries ?? (raw as ValueEntry[]);
}

function validateEntry(store: SandboxStore, attribute: Attribute, raw: unknown, errors: AkeneoErrorDetail[]): ValueEntry | undefined {
  if (!isPlainObject(raw)) return reject(errors, attribute, `Property "values" expects an array as data, "${phpType(raw)}" given.`, null, null);
  const missing = !("locale" in raw) ? "locale" : !("scope" in raw) ? "scope" : !("data" in raw) ? "data" : undefined;
  if (missing !== undefined) return reject(errors, attribute, `Property "values" expects an array with the key "${missing}".`, null, null);
  const locale = raw["locale"] as string | null;
  const scope = raw["scope"] as string | null;
  const dimensionError = checkDimensions(store, attribute, locale, scope);
  if (dimensionError) return reject(errors, attribute, dimensionError, locale, scope);
  const data = raw["data"];
  if (data === "") return { locale, scope, data: null };
  const normalised = data === null ? null : normaliseData(store, attribute, data);
  if (normalised instanceof Refusal) return reject(errors, attribute, normalised.message, locale, scope);
  // Most data needs no normalising: the request's own entry then stands for the validated one (see ValidatedValues).
  return normalised === data ? (raw as unknown as ValueEntry) : { locale, scope, data: normalised };
}

function reject(errors: AkeneoErrorDetail[], attribute: Attribute, message: string, locale: string | null, scope: string | null): undefined {
  errors.push({ property: "values", message, attribute: attribute.code, locale, scope });
  return undefined;
}

function checkDimensions(store: SandboxStore, attribute: Attribute, locale: unknown, scope: unknown): string | undefined {
  const code = attribute.code;
  if (locale !== null && typeof locale !== "string") return `Property "values" expects a string or null as locale, "${phpType(locale)}" given.`;
  if (scope !== null && typeof scope !== "string") return `Property "values" expects a string or null as scope, "${phpType(scope)}" given.`;
  if (attribute.localizable && locale === null) return `Attribute "${code}" expects a locale, none given.`;
  if (!attribute.localizable && locale !== null) return `Attribute "${code}" does not expect a locale, "${locale}" given.`;
  if (locale !== null && !store.locales.get(locale)?.enabled) return `Attribute "${code}" expects an existing and activated locale, "${locale}" given.`;
  if (attribute.scopable && scope === null) return `Attribute "${code}" expects a scope, none given.`;
  if (!attribute.scopable && scope !== null) return `Attribute "${code}" does not expect a scope, "${scope}" given.`;
  if (scope !== null) {
    const channel = store.channels.get(scope);
    if (!channel) return `Attribute "${code}" expects an existing scope, "${scope}" given.`;
    if (locale !== null && !channel.locales.includes(locale)) return `The locale "${locale}" is not bound to channel "${scope}" for attribute "${code}".`;
  }
  return undefined;
}
