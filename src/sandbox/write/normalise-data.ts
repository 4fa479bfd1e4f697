/**
 * The `data` of one value checked against its attribute's type and put in the stored form (decimals
 * as strings, dates as full ISO strings, prices sorted by currency). Runs for every value of every
 * line of a collection PATCH, so it allocates nothing on success beyond the normalised data itself:
 * a refusal is returned as a `Refusal`, which no accepted data can be.
 */
import { MEASUREMENTS } from "../catalog/measurements.js";
import type { Attribute } from "../catalog/types.js";
import { isPlainObject, phpType } from "../http/akeneo-error.js";
import type { SandboxStore } from "../store/sandbox-store.js";

/** Why a `data` was refused, in Akeneo's wording. */
export class Refusal {
  constructor(readonly message: string) {}
}

const DATE = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const MIDNIGHT_UTC = "T00:00:00+00:00";

/** The stored form of `data` (neither null nor ""), or a `Refusal`. */
export function normaliseData(store: SandboxStore, attribute: Attribute, data: unknown): unknown {
  const code = attribute.code;
  switch (attribute.type) {
    case "pim_catalog_identifier":
    case "pim_catalog_text":
    case "pim_catalog_textarea": {
      if (typeof data !== "string") return expects(code, "a string", data);
      const max = attribute.type === "pim_catalog_textarea" ? 65535 : (attribute.max_characters ?? 255);
      return data.length > max ? new Refusal(`This value is too long. It should have ${max} characters or less.`) : data;
    }
    case "pim_catalog_number":
      return normaliseDecimal(attribute, data, data);
    case "pim_catalog_metric":
      return normaliseMetric(attribute, data);
    case "pim_catalog_price_collection":
      return normalisePrices(store, code, data);
    case "pim_catalog_boolean":
      return typeof data === "boolean" ? data : expects(code, "a boolean", data);
    case "pim_catalog_date": {
      const match = typeof data === "string" ? DATE.exec(data) : null;
      if (!match || Number.isNaN(Date.parse(match[1]!))) return expects(code, 'a string with the format "yyyy-mm-dd"', data);
      // A date already in the stored form is that same text: keeping `data` spares the write a copy of its entry.
      return match[2] === MIDNIGHT_UTC ? data : `${match[1]}${MIDNIGHT_UTC}`;
    }
    case "pim_catalog_simpleselect":
      if (typeof data !== "string") return expects(code, "a string", data);
      return store.attributeOptions.get(code)?.has(data) ? data : new Refusal(`The ${data} value is not in the ${code} attribute option list.`);
    case "pim_catalog_multiselect":
      return normaliseOptions(store, code, data);
    case "pim_catalog_image":
    case "pim_catalog_file":
      if (typeof data !== "string") return expects(code, "a string", data);
      return store.mediaFiles.has(data) ? data : expects(code, "a valid pathname", data);
    default:
      return data;
  }
}

/** `Property "code" expects … as data, "…" given.`; `data` is the whole value's data (a metric's, not its amount's). */
function expects(code: string, what: string, data: unknown): Refusal {
  return new Refusal(`Property "${code}" expects ${what} as data, "${typeof data === "string" ? data : phpType(data)}" given.`);
}

/** A number or amount; `data` is what a type error names. */
function normaliseDecimal(attribute: Attribute, value: unknown, data: unknown): unknown {
  if (!isNumeric(value)) return expects(attribute.code, "a numeric", data);
  if (!attribute.decimals_allowed && !Number.isInteger(Number(value))) return new Refusal("This value should not be a decimal.");
  if (attribute.negative_allowed === false && Number(value) < 0) return new Refusal("This value should be greater than or equal to 0.");
  return attribute.decimals_allowed ? String(value) : Number(value);
}

function normaliseMetric(attribute: Attribute, data: unknown): unknown {
  const code = attribute.code;
  if (!isPlainObject(data)) return expects(code, "an array", data);
  if (!("amount" in data)) return new Refusal(`Property "${code}" expects an array with the key "amount".`);
  if (!("unit" in data)) return new Refusal(`Property "${code}" expects an array with the key "unit".`);
  const units = MEASUREMENTS[attribute.metric_family ?? ""]?.units ?? {};
  const unit = data["unit"];
  if (typeof unit !== "string" || !(unit in units)) return new Refusal(`Please specify a valid metric unit`);
  const amount = normaliseDecimal(attribute, data["amount"], data);
  return amount instanceof Refusal ? amount : { amount, unit };
}

function normalisePrices(store: SandboxStore, code: string, data: unknown): unknown {
  if (!Array.isArray(data)) return expects(code, "an array", data);
  const prices: Array<{ amount: string | null; currency: string }> = [];
  for (const price of data as unknown[]) {
    if (!isPlainObject(price) || !("amount" in price) || !("currency" in price)) {
      return new Refusal(`Property "${code}" expects an array with the key "${isPlainObject(price) && "amount" in price ? "currency" : "amount"}".`);
    }
    const currency = String(price["currency"]);
    if (!store.currencies.get(currency)?.enabled) return new Refusal(`The currency "${currency}" does not exist or is not activated.`);
    const amount = price["amount"];
    if (amount !== null && !isNumeric(amount)) return new Refusal(`Property "${code}" expects a numeric as amount, "${String(amount)}" given.`);
    // Kept sorted by currency as it grows (equal currencies in input order, as the stable Array#sort
    // did): cheaper than a sort for a few prices.
    const entry = { amount: amount === null ? null : String(amount), currency };
    let at = prices.push(entry) - 1;
    for (; at > 0 && currency < prices[at - 1]!.currency; at--) prices[at] = prices[at - 1]!;
    prices[at] = entry;
  }
  return prices;
}

function normaliseOptions(store: SandboxStore, code: string, data: unknown): unknown {
  if (!Array.isArray(data) || data.some((d) => typeof d !== "string")) return expects(code, "an array", data);
  const options = store.attributeOptions.get(code);
  const missing = (data as string[]).filter((d) => !options?.has(d));
  if (missing.length === 1) return new Refusal(`The ${missing[0]} value is not in the ${code} attribute option list.`);
  if (missing.length > 1) return new Refusal(`The ${missing.join(", ")} values are not in the ${code} attribute option list.`);
  return [...data];
}

/** A finite number, or a string matching /^-?\d+(\.\d+)?$/ (checked by hand: this runs for every amount). */
function isNumeric(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "string") return false;
  let i = value.charCodeAt(0) === 45 ? 1 : 0; // "-"
  const intStart = i;
  while (i < value.length && isDigit(value.charCodeAt(i))) i++;
  if (i === intStart) return false;
  if (i === value.length) return true;
  if (value.charCodeAt(i) !== 46) return false; // "."
  const fracStart = ++i;
  while (i < value.length && isDigit(value.charCodeAt(i))) i++;
  return i > fracStart && i === value.length;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
