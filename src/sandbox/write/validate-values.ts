/**
 * Validation of incoming product values against the attributes: known attribute, locale/scope
 * rules, and `data` of the attribute type's shape. Returns normalised values (decimals as strings,
 * dates as full ISO strings) and one `errors[]` entry per problem, in Akeneo's wording.
 */
import { MEASUREMENTS } from "../catalog/measurements.js";
import type { Attribute, ValueEntry, Values } from "../catalog/types.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { isPlainObject, phpType, type AkeneoErrorDetail } from "../http/akeneo-error.js";

export interface ValidatedValues {
  values: Values;
  errors: AkeneoErrorDetail[];
}

/** Validate `input` (the `values` property of a write). */
export function validateValues(store: SandboxStore, input: unknown): ValidatedValues {
  const errors: AkeneoErrorDetail[] = [];
  const values: Values = {};
  if (!isPlainObject(input)) return { values, errors: [{ property: "values", message: `Property "values" expects an array as data, "${phpType(input)}" given.` }] };
  for (const [code, rawEntries] of Object.entries(input)) {
    const attribute = store.attributes.get(code);
    if (!attribute) {
      errors.push({ property: "values", message: `Attribute "${code}" does not exist.`, attribute: code });
      continue;
    }
    if (!Array.isArray(rawEntries)) {
      errors.push({ property: "values", message: `Property "values" expects an array as data, "${phpType(rawEntries)}" given.`, attribute: code });
      continue;
    }
    const entries: ValueEntry[] = [];
    for (const raw of rawEntries as unknown[]) {
      const entry = validateEntry(store, attribute, raw, errors);
      if (entry) entries.push(entry);
    }
    values[code] = entries;
  }
  return { values, errors };
}

function validateEntry(store: SandboxStore, attribute: Attribute, raw: unknown, errors: AkeneoErrorDetail[]): ValueEntry | undefined {
  const fail = (message: string, locale: string | null = null, scope: string | null = null) => {
    errors.push({ property: "values", message, attribute: attribute.code, locale, scope });
    return undefined;
  };
  if (!isPlainObject(raw)) return fail(`Property "values" expects an array as data, "${phpType(raw)}" given.`);
  for (const key of ["locale", "scope", "data"]) if (!(key in raw)) return fail(`Property "values" expects an array with the key "${key}".`);
  const locale = raw["locale"] as string | null;
  const scope = raw["scope"] as string | null;
  const dimensionError = checkDimensions(store, attribute, locale, scope);
  if (dimensionError) return fail(dimensionError, locale, scope);
  if (raw["data"] === null || raw["data"] === "") return { locale, scope, data: null };
  const normalised = normaliseData(store, attribute, raw["data"]);
  if (typeof normalised === "object" && normalised !== null && "error" in normalised) return fail(normalised.error, locale, scope);
  return { locale, scope, data: (normalised as { ok: unknown }).ok };
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

type Normalised = { ok: unknown } | { error: string };

function normaliseData(store: SandboxStore, attribute: Attribute, data: unknown): Normalised {
  const code = attribute.code;
  const expects = (what: string) => ({ error: `Property "${code}" expects ${what} as data, "${typeof data === "string" ? data : phpType(data)}" given.` });
  const isNumeric = (v: unknown) => (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v));
  const decimal = (v: unknown): Normalised => {
    if (!isNumeric(v)) return expects("a numeric");
    if (!attribute.decimals_allowed && !Number.isInteger(Number(v))) return { error: "This value should not be a decimal." };
    if (attribute.negative_allowed === false && Number(v) < 0) return { error: "This value should be greater than or equal to 0." };
    return { ok: attribute.decimals_allowed ? String(v) : Number(v) };
  };
  switch (attribute.type) {
    case "pim_catalog_identifier":
    case "pim_catalog_text":
    case "pim_catalog_textarea": {
      if (typeof data !== "string") return expects("a string");
      const max = attribute.type === "pim_catalog_textarea" ? 65535 : (attribute.max_characters ?? 255);
      if (data.length > max) return { error: `This value is too long. It should have ${max} characters or less.` };
      return { ok: data };
    }
    case "pim_catalog_number":
      return decimal(data);
    case "pim_catalog_metric": {
      if (!isPlainObject(data)) return expects("an array");
      if (!("amount" in data)) return { error: `Property "${code}" expects an array with the key "amount".` };
      if (!("unit" in data)) return { error: `Property "${code}" expects an array with the key "unit".` };
      const units = MEASUREMENTS[attribute.metric_family ?? ""]?.units ?? {};
      if (typeof data["unit"] !== "string" || !(data["unit"] in units)) return { error: `Please specify a valid metric unit` };
      const amount = decimal(data["amount"]);
      return "error" in amount ? amount : { ok: { amount: amount.ok, unit: data["unit"] } };
    }
    case "pim_catalog_price_collection":
      return normalisePrices(store, code, data, expects);
    case "pim_catalog_boolean":
      return typeof data === "boolean" ? { ok: data } : expects("a boolean");
    case "pim_catalog_date": {
      const match = typeof data === "string" ? /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(data) : null;
      if (!match || Number.isNaN(Date.parse(match[1]!))) return expects('a string with the format "yyyy-mm-dd"');
      return { ok: `${match[1]}T00:00:00+00:00` };
    }
    case "pim_catalog_simpleselect": {
      if (typeof data !== "string") return expects("a string");
      return store.attributeOptions.get(code)?.has(data) ? { ok: data } : { error: `The ${data} value is not in the ${code} attribute option list.` };
    }
    case "pim_catalog_multiselect": {
      if (!Array.isArray(data) || data.some((d) => typeof d !== "string")) return expects("an array");
      const missing = (data as string[]).filter((d) => !store.attributeOptions.get(code)?.has(d));
      if (missing.length === 1) return { error: `The ${missing[0]} value is not in the ${code} attribute option list.` };
      if (missing.length > 1) return { error: `The ${missing.join(", ")} values are not in the ${code} attribute option list.` };
      return { ok: [...data] };
    }
    case "pim_catalog_image":
    case "pim_catalog_file":
      if (typeof data !== "string") return expects("a string");
      return store.mediaFiles.has(data) ? { ok: data } : expects("a valid pathname");
    default:
      return { ok: data };
  }
}

function normalisePrices(store: SandboxStore, code: string, data: unknown, expects: (what: string) => Normalised): Normalised {
  if (!Array.isArray(data)) return expects("an array");
  const prices: Array<{ amount: string | null; currency: string }> = [];
  for (const price of data as unknown[]) {
    if (!isPlainObject(price) || !("amount" in price) || !("currency" in price)) {
      return { error: `Property "${code}" expects an array with the key "${isPlainObject(price) && "amount" in price ? "currency" : "amount"}".` };
    }
    const currency = String(price["currency"]);
    if (!store.currencies.get(currency)?.enabled) return { error: `The currency "${currency}" does not exist or is not activated.` };
    const amount = price["amount"];
    if (amount !== null && !((typeof amount === "number" && Number.isFinite(amount)) || (typeof amount === "string" && /^-?\d+(\.\d+)?$/.test(amount)))) {
      return { error: `Property "${code}" expects a numeric as amount, "${String(amount)}" given.` };
    }
    prices.push({ amount: amount === null ? null : String(amount), currency });
  }
  return { ok: prices.sort((a, b) => (a.currency < b.currency ? -1 : 1)) };
}
