/**
 * Registers the helper library as JSONata functions on a compiled expression. Helpers are
 * stateless: each call reads its mapper's context from the evaluation's own binding
 * (`$__mapping`), so concurrent evaluations for different records or mappers never share state.
 * `$now()`/`$millis()` are replaced too: jsonata keeps their timestamp in a variable shared by every
 * evaluation of an expression, here it is the evaluation's own start time. `$lookup` gains the
 * subscription's tables: `$lookup("table", key, default)` with a string first argument, JSONata's
 * built-in `$lookup(object, key)` otherwise.
 */
import jsonata from "jsonata";
import { ConnectorError } from "../errors.js";
import type { HelperObject } from "./fast-path.js";
import { toAkeneoValues, toIdentifierValue, toLocalizedValue, toPriceValue } from "./akeneo-values.js";
import { CONTEXT_BINDING, type MappingContext } from "./mapping-context.js";
import { pickOptionLabel, pickOptionLabels } from "./option-label-cache.js";
import { buildAttributes, lookup, readIdentifier, readMetric, readPrice, readPrices, toObject, toUtc } from "./pull-helpers.js";
import { readLocalized, readValue } from "./value-reader.js";

/** Binding holding the evaluation's start time (epoch ms) for `$now()` and `$millis()`. */
export const STARTED_AT_BINDING = "__startedAt";

/** What jsonata passes as `this` to a registered function (it also passes `createSequence`, untyped). */
type Focus = jsonata.Focus & { createSequence?: () => unknown[] };
type Helper = (ctx: MappingContext, ...args: any[]) => unknown;

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** name → [JSONata signature, implementation]. The README's "Mappings" section documents each one. */
const HELPERS: Record<string, [string, Helper]> = {
  value: ["<xs(sl)?(sl)?:x>", (ctx, values, code, locale, channel) => readValue(ctx, values, code, str(locale), str(channel))],
  localized: ["<xs(sl)?:o>", (ctx, values, code, channel) => readLocalized(ctx, values, code, str(channel))],
  attributes: ["<xa<s>?:o>", (ctx, values, exclude) => buildAttributes(ctx, values, exclude)],
  prices: ["<x(sl)?:a>", (ctx, values, code) => readPrices(ctx, values, str(code))],
  price: ["<xs(sl)?:n>", (ctx, values, currency, code) => readPrice(ctx, values, currency, str(code))],
  metric: ["<xs(sl)?(sl)?:o>", (ctx, values, code, locale, channel) => readMetric(ctx, values, code, str(locale), str(channel))],
  identifier: ["<x:s>", (ctx, values) => readIdentifier(ctx, values)],
  optionLabel: ["<s(sal)(sl)?:x>", optionLabel],
  optionLabels: ["<s(sl):o>", optionLabels],
  mediaUrl: ["<(sl):s>", (ctx, code) => (typeof code === "string" ? ctx.catalog.mediaUrl(code) : code)],
  mediaCode: ["<(sl):s>", (ctx, value) => (typeof value === "string" ? ctx.media.toCode(value) : value)],
  utc: ["<x:s>", (_ctx, date) => toUtc(date)],
  object: ["<x:o>", (_ctx, value) => toObject(value)],
  toValues: ["<x:o>", (ctx, attributes) => toAkeneoValues(ctx, attributes)],
  toLocalizedValue: ["<sx:o>", (ctx, code, map) => toLocalizedValue(ctx, code, map)],
  toPriceValue: ["<sx:o>", (ctx, code, prices) => toPriceValue(ctx, code, prices)],
  toIdentifierValue: ["<x:o>", (ctx, sku) => toIdentifierValue(ctx, sku)],
};

/** Helpers that return a promise (they await the option-label loader). */
const ASYNC_HELPERS = new Set(["optionLabel", "optionLabels"]);

/** jsonata built-ins the fast evaluator may call: synchronous and pure. */
const PURE_BUILTINS = ["merge"];

/**
 * The synchronous helpers (and PURE_BUILTINS) as jsonata's function objects (implementation + parsed signature), for
 * the fast evaluator: read back from a probe expression, so validation is jsonata's own.
 */
export async function loadHelperObjects(): Promise<ReadonlyMap<string, HelperObject>> {
  const names = Object.keys(HELPERS).filter((name) => !ASYNC_HELPERS.has(name));
  const probe = jsonata(`{${[...names, ...PURE_BUILTINS].map((name) => `"${name}": $${name}`).join(", ")}}`);
  registerHelpers(probe);
  const objects = (await probe.evaluate({})) as Record<string, HelperObject>;
  return new Map(Object.entries(objects));
}

/** Names of every helper, for documentation tests. */
export const HELPER_NAMES: readonly string[] = [...Object.keys(HELPERS), "lookup"];

/** Register every helper (and the per-evaluation `$now`/`$millis`) on `expression`. */
export function registerHelpers(expression: jsonata.Expression): void {
  for (const [name, [signature, helper]] of Object.entries(HELPERS)) {
    expression.registerFunction(
      name,
      function (this: Focus, ...args: unknown[]) {
        return helper(contextOf(this), ...args);
      },
      signature,
    );
  }
  expression.registerFunction("lookup", function (this: Focus, input: unknown, key: unknown, fallback?: unknown) {
    if (typeof input === "string") return lookup(contextOf(this), input, key, fallback);
    return typeof key === "string" ? builtinLookup(this, input, key) : undefined;
  }, "<xx?x?:x>");
  expression.registerFunction(
    "now",
    function (this: Focus, picture?: string, timezone?: string) {
      const fromMillis = this.environment.lookup("fromMillis") as { implementation: (...a: unknown[]) => string };
      return fromMillis.implementation.call(this, startedAt(this), picture, timezone);
    },
    "<s?s?:s>",
  );
  expression.registerFunction("millis", function (this: Focus) {
    return startedAt(this);
  }, "<:n>");
}

/** JSONata's own `$lookup(object, key)` (jsonata.js `lookup`), kept for an object or array first argument. */
function builtinLookup(focus: Focus, input: unknown, key: string): unknown {
  if (Array.isArray(input)) {
    const result = focus.createSequence?.() ?? [];
    for (const item of input) {
      const found = builtinLookup(focus, item, key);
      if (Array.isArray(found)) result.push(...(found as unknown[]));
      else if (found !== undefined) result.push(found);
    }
    return result;
  }
  if (input !== null && typeof input === "object" && Object.hasOwn(input, key)) return (input as Record<string, unknown>)[key];
  return undefined;
}

async function optionLabel(ctx: MappingContext, attribute: string, code: unknown, locale: unknown): Promise<unknown> {
  if (code === null || code === undefined) return code;
  const labels = await ctx.labels.get(attribute);
  if (Array.isArray(code)) return code.map((one) => pickOptionLabel(labels, String(one), str(locale), ctx.settings));
  return pickOptionLabel(labels, String(code), str(locale), ctx.settings);
}

async function optionLabels(ctx: MappingContext, attribute: string, code: unknown): Promise<unknown> {
  if (typeof code !== "string") return undefined;
  return pickOptionLabels(await ctx.labels.get(attribute), code, ctx.settings);
}

function contextOf(focus: Focus): MappingContext {
  const ctx = focus.environment.lookup(CONTEXT_BINDING) as MappingContext | undefined;
  if (!ctx) throw new ConnectorError("[mapping] helpers need a mapper: evaluate through createMapper()", { code: "INTERNAL", kind: "bug" });
  return ctx;
}

function startedAt(focus: Focus): number {
  const value = focus.environment.lookup(STARTED_AT_BINDING);
  if (typeof value !== "number") throw new ConnectorError("[mapping] $now() needs a mapper: evaluate through createMapper()", { code: "INTERNAL", kind: "bug" });
  return value;
}
