/**
 * Filters on attribute values (`{"color":[{"operator":"IN","value":["red"]}]}`), with the operators
 * Akeneo allows per attribute type and its locale/scope rules (`search_locale`/`search_scope` defaults).
 */
import { toStandardUnit } from "../catalog/measurements.js";
import type { Attribute, ValueEntry, Values } from "../catalog/types.js";
import { isEmptyData } from "../store/completeness.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { httpError, isPlainObject, phpType } from "../http/akeneo-error.js";
import { unsupportedFilter, type SearchClause } from "./parse-search.js";

export interface AttributeFilterContext {
  searchLocale?: string;
  searchScope?: string;
}

type Test = (data: unknown) => boolean;

const STRING_TYPES = new Set(["pim_catalog_identifier", "pim_catalog_text", "pim_catalog_textarea", "pim_catalog_image", "pim_catalog_file"]);
const NUMBER_TYPES = new Set(["pim_catalog_number", "pim_catalog_metric", "pim_catalog_price_collection"]);

/** Compile one attribute clause into a predicate on a record's (merged) values. */
export function compileAttributeClause(store: SandboxStore, attribute: Attribute, clause: SearchClause, ctx: AttributeFilterContext): (values: Values) => boolean {
  const locale = resolveDimension(store, attribute, "locale", clause.locale ?? (attribute.localizable ? ctx.searchLocale : undefined));
  const scope = resolveDimension(store, attribute, "scope", clause.scope ?? (attribute.scopable ? ctx.searchScope : undefined));
  const op = clause.operator;
  const pick = (values: Values): ValueEntry | undefined =>
    values[attribute.code]?.find((e) => (locale === undefined || e.locale === locale) && (scope === undefined || e.scope === scope));
  if (op === "EMPTY") return (values) => isEmptyData(pick(values)?.data);
  if (op === "NOT EMPTY") return (values) => !isEmptyData(pick(values)?.data);
  const test = buildTest(attribute, clause);
  return (values) => {
    const data = pick(values)?.data;
    return !isEmptyData(data) && test(data);
  };
}

function resolveDimension(store: SandboxStore, attribute: Attribute, kind: "locale" | "scope", given: string | undefined): string | undefined {
  const expected = kind === "locale" ? attribute.localizable : attribute.scopable;
  if (expected && given === undefined) throw httpError(422, `Attribute "${attribute.code}" expects a ${kind}, none given.`);
  if (!expected && given !== undefined) throw httpError(422, `Attribute "${attribute.code}" does not expect a ${kind}, "${given}" given.`);
  if (given !== undefined && kind === "locale" && !store.locales.get(given)?.enabled) throw httpError(422, `Locale "${given}" does not exist or is not activated.`);
  if (given !== undefined && kind === "scope" && !store.channels.has(given)) throw httpError(422, `Scope "${given}" does not exist.`);
  return given;
}

function buildTest(attribute: Attribute, clause: SearchClause): Test {
  const { operator: op, value } = clause;
  const type = attribute.type;
  if (STRING_TYPES.has(type)) return stringTest(attribute.code, op, value);
  if (NUMBER_TYPES.has(type)) return numberTest(attribute, op, value);
  if (type === "pim_catalog_boolean" && (op === "=" || op === "!=")) {
    if (typeof value !== "boolean") throw httpError(422, `Property "${attribute.code}" expects a boolean as data, "${phpType(value)}" given.`);
    return (data) => (data === value) === (op === "=");
  }
  if ((type === "pim_catalog_simpleselect" || type === "pim_catalog_multiselect") && (op === "IN" || op === "NOT IN")) {
    if (!Array.isArray(value)) throw httpError(422, `Property "${attribute.code}" expects an array as data, "${phpType(value)}" given.`);
    const wanted = new Set(value.map(String));
    return (data) => (Array.isArray(data) ? data : [data]).some((code) => wanted.has(String(code))) === (op === "IN");
  }
  if (type === "pim_catalog_date") return dateTest(attribute.code, op, value);
  throw unsupportedFilter(attribute.code, op);
}

function stringTest(code: string, op: string, value: unknown): Test {
  if (op === "IN" || op === "NOT IN") {
    if (!Array.isArray(value)) throw httpError(422, `Property "${code}" expects an array as data, "${phpType(value)}" given.`);
    const wanted = new Set(value.map((v) => String(v).toLowerCase()));
    return (data) => wanted.has(String(data).toLowerCase()) === (op === "IN");
  }
  if (typeof value !== "string") throw httpError(422, `Property "${code}" expects a string as data, "${phpType(value)}" given.`);
  const needle = value.toLowerCase();
  const text = (data: unknown) => String(data).toLowerCase();
  switch (op) {
    case "STARTS WITH": return (data) => text(data).startsWith(needle);
    case "ENDS WITH": return (data) => text(data).endsWith(needle);
    case "CONTAINS": return (data) => text(data).includes(needle);
    case "DOES NOT CONTAIN": return (data) => !text(data).includes(needle);
    case "=": return (data) => text(data) === needle;
    case "!=": return (data) => text(data) !== needle;
    default: throw unsupportedFilter(code, op);
  }
}

function numberTest(attribute: Attribute, op: string, value: unknown): Test {
  if (!["<", "<=", "=", "!=", ">=", ">"].includes(op)) throw unsupportedFilter(attribute.code, op);
  let target: number;
  let read: (data: unknown) => number | undefined;
  if (attribute.type === "pim_catalog_number") {
    target = Number(value);
    read = (data) => Number(data);
  } else {
    const object = isPlainObject(value) ? value : {};
    target = Number(object["amount"]);
    if (attribute.type === "pim_catalog_metric") {
      const family = attribute.metric_family ?? "";
      target = toStandardUnit(family, target, String(object["unit"] ?? "")) ?? Number.NaN;
      read = (data) => (isPlainObject(data) ? toStandardUnit(family, Number(data["amount"]), String(data["unit"])) : undefined);
    } else {
      const currency = String(object["currency"] ?? "");
      read = (data) => Number((data as Array<{ amount: unknown; currency: string }>).find((p) => p.currency === currency)?.amount ?? Number.NaN);
    }
  }
  if (Number.isNaN(target)) throw httpError(422, `Property "${attribute.code}" expects a numeric as data, "${phpType(value)}" given.`);
  return (data) => {
    const n = read(data);
    if (n === undefined || Number.isNaN(n)) return false;
    return compare(n, op, target);
  };
}

function dateTest(code: string, op: string, value: unknown): Test {
  const parse = (v: unknown): string => {
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      throw httpError(422, `Property "${code}" expects a string with the format "yyyy-mm-dd" as data, "${typeof v === "string" ? v : phpType(v)}" given.`);
    }
    return v;
  };
  const day = (data: unknown) => String(data).slice(0, 10);
  if (op === "BETWEEN" || op === "NOT BETWEEN") {
    const [from, to] = Array.isArray(value) && value.length === 2 ? [parse(value[0]), parse(value[1])] : [parse(undefined), ""];
    return (data) => (day(data) >= from && day(data) <= to) === (op === "BETWEEN");
  }
  if (!["<", "=", "!=", ">"].includes(op)) throw unsupportedFilter(code, op);
  const target = parse(value);
  return (data) => compare(day(data), op, target);
}

function compare<T extends number | string>(a: T, op: string, b: T): boolean {
  switch (op) {
    case "<": return a < b;
    case "<=": return a <= b;
    case "=": return a === b;
    case "!=": return a !== b;
    case ">=": return a >= b;
    default: return a > b;
  }
}
