/**
 * The `completeness` filter. Products: `<, <=, =, !=, >, >=` on a channel (true when one of the
 * channel's locales, or the given `locale`, satisfies it) and `GREATER/LOWER [OR EQUALS] THAN ON ALL
 * LOCALES` with `locales`. Product models: AT LEAST / ALL COMPLETE / INCOMPLETE over their variants.
 */
import type { ProductModelRecord, ProductRecord } from "../catalog/types.js";
import { productCompleteness } from "../store/completeness.js";
import type { SandboxStore } from "../store/sandbox-store.js";
import { httpError, phpType } from "../http/akeneo-error.js";
import { unsupportedFilter, type SearchClause } from "./parse-search.js";
import type { Predicate } from "./product-filter.js";

const BASIC: Record<string, (a: number, b: number) => boolean> = {
  "<": (a, b) => a < b, "<=": (a, b) => a <= b, "=": (a, b) => a === b, "!=": (a, b) => a !== b, ">": (a, b) => a > b, ">=": (a, b) => a >= b,
};
const ALL_LOCALES: Record<string, (a: number, b: number) => boolean> = {
  "GREATER THAN ON ALL LOCALES": (a, b) => a > b, "GREATER OR EQUALS THAN ON ALL LOCALES": (a, b) => a >= b,
  "LOWER THAN ON ALL LOCALES": (a, b) => a < b, "LOWER OR EQUALS THAN ON ALL LOCALES": (a, b) => a <= b,
};
const MODEL_OPERATORS = ["AT LEAST COMPLETE", "AT LEAST INCOMPLETE", "ALL COMPLETE", "ALL INCOMPLETE"];

/** Compile a completeness clause. */
export function compileCompleteness(store: SandboxStore, clause: SearchClause, models: boolean): Predicate {
  const { operator: op, value, scope } = clause;
  if (scope === undefined) throw httpError(422, 'Property "completeness" expects a scope, none given.');
  const channel = store.channels.get(scope);
  if (!channel) throw httpError(422, `Scope "${scope}" does not exist.`);
  const locales = clause.locales ?? (clause.locale !== undefined ? [clause.locale] : channel.locales);
  const rates = (r: ProductRecord) => productCompleteness(store, r).filter((c) => c.scope === scope && locales.includes(c.locale));
  if (models) {
    if (!MODEL_OPERATORS.includes(op)) throw unsupportedFilter("completeness", op);
    const wantComplete = op.endsWith(" COMPLETE");
    return (record) => {
      const variants = descendantProducts(store, record as ProductModelRecord);
      const states = variants.map((v) => rates(v).every((c) => c.data === 100) === wantComplete);
      return op.startsWith("ALL") ? states.length > 0 && states.every(Boolean) : states.some(Boolean);
    };
  }
  const basic = BASIC[op];
  const all = ALL_LOCALES[op];
  if (!basic && !all) throw unsupportedFilter("completeness", op);
  if (typeof value !== "number") throw httpError(422, `Property "completeness" expects a numeric as data, "${phpType(value)}" given.`);
  if (all && clause.locales === undefined) throw httpError(422, 'Property "completeness" expects an array with the key "locales".');
  return (record) => {
    const list = rates(record as ProductRecord);
    if (list.length === 0) return false;
    return all ? list.every((c) => all(c.data, value)) : list.some((c) => basic!(c.data, value));
  };
}

function descendantProducts(store: SandboxStore, model: ProductModelRecord): ProductRecord[] {
  const { models, products } = store.childrenOf(model.code);
  return [...products, ...models.flatMap((m) => store.childrenOf(m.code).products)];
}
