/**
 * A synchronous evaluator for the common shape of a mapping: an object constructor whose values
 * are literals, plain field paths (`family`), `$settings.x`, `a ?? b`, `a = literal`,
 * `a != literal`, conditions on those, calls of the synchronous helpers (and of jsonata's `$merge`)
 * with such arguments, and array constructors of calls (`$merge([$f(x), $g(y)])`). jsonata 2.x evaluates every node through an async
 * function (about half a microsecond each); this shape needs none of it. Anything else, and any
 * record on which the fast evaluation throws (a signature mismatch, a helper's error), goes to
 * jsonata itself, so results and error messages (with positions) are jsonata's. Helpers are called
 * through jsonata's own function objects: same signature validation and argument coercion.
 * test/mapping/fast-path.test.ts checks fast and jsonata results are identical.
 */
import type jsonata from "jsonata";
import { isObject } from "./value-data.js";

/** Returned when the fast evaluator declines a record: evaluate it with jsonata. */
export const FALLBACK: unique symbol = Symbol("fallback");

/** A compiled mapping's fast evaluator: the mapped value, or FALLBACK. */
export type FastPath = (record: object, bindings: Readonly<Record<string, unknown>>) => unknown;

/** A helper as jsonata holds it: `{ implementation, signature }` (jsonata's `defineFunction`). */
export interface HelperObject {
  implementation: (...args: unknown[]) => unknown;
  signature?: { validate(args: unknown[], context: unknown): unknown[] };
}

interface Scope {
  bindings: Readonly<Record<string, unknown>>;
  focus: jsonata.Focus;
}
type Evaluator = (input: Record<string, unknown>, scope: Scope) => unknown;
type Node = Record<string, unknown> & { type?: string; value?: unknown };

// AST properties that change a node's meaning (filters, sorting, grouping, focus and index binding,
// parent references, `[]`); a node carrying any of them is left to jsonata.
const MODIFIERS = ["predicate", "stages", "group", "keepArray", "keepSingletonArray", "tuple", "focus", "index", "ancestor", "consarray", "seekingParent"];

const plain = (node: unknown): node is Node => isObject(node) && MODIFIERS.every((key) => !(key in node));

/** Own-property read, as a one-step jsonata path on an object (an array value comes back as is). */
function field(object: unknown, name: string): unknown {
  return isObject(object) && Object.hasOwn(object, name) ? object[name] : undefined;
}

function compileName(step: unknown): string | undefined {
  return plain(step) && step.type === "name" && typeof step.value === "string" ? step.value : undefined;
}

function compilePath(node: Node): Evaluator | undefined {
  const steps = node["steps"];
  if (!Array.isArray(steps)) return undefined;
  if (steps.length === 1) {
    const name = compileName(steps[0]);
    return name === undefined ? undefined : (input) => field(input, name);
  }
  const first: unknown = steps[0];
  if (steps.length === 2 && plain(first) && first.type === "variable" && first.value === "settings") {
    const name = compileName(steps[1]);
    return name === undefined ? undefined : (_input, scope) => field(scope.bindings["settings"], name);
  }
  return undefined;
}

/** A boolean test: `$exists(x)` (what `x ?? y` becomes), or `x = literal` / `x != literal`. */
function compileTest(node: unknown, helpers: ReadonlyMap<string, HelperObject>): Evaluator | undefined {
  if (!plain(node)) return undefined;
  if (node.type === "function") {
    const procedure = node["procedure"];
    const args = node["arguments"];
    if (!plain(procedure) || procedure.type !== "variable" || procedure.value !== "exists" || !Array.isArray(args) || args.length !== 1) return undefined;
    const arg = compileNode(args[0], helpers);
    return arg && ((input, scope) => arg(input, scope) !== undefined);
  }
  if (node.type !== "binary" || (node.value !== "=" && node.value !== "!=")) return undefined;
  // jsonata: false when either side is undefined, else deep equality; against a primitive literal that is ===.
  const [lhs, rhs] = [node["lhs"], node["rhs"]];
  const literal = [rhs, lhs].find((side) => plain(side) && (side.type === "string" || side.type === "number" || side.type === "value")) as Node | undefined;
  const other = compileNode(literal === rhs ? lhs : rhs, helpers);
  if (!literal || !other) return undefined;
  const expected = literal.value;
  const equal = node.value === "=";
  return (input, scope) => {
    const value = other(input, scope);
    return value !== undefined && (value === expected) === equal;
  };
}

function compileCondition(node: Node, helpers: ReadonlyMap<string, HelperObject>): Evaluator | undefined {
  const test = compileTest(node["condition"], helpers);
  const then = compileNode(node["then"], helpers);
  const otherwise = node["else"] === undefined ? () => undefined : compileNode(node["else"], helpers);
  if (!test || !then || !otherwise) return undefined;
  return (input, scope) => (test(input, scope) ? then(input, scope) : otherwise(input, scope));
}

function compileCall(node: Node, helpers: ReadonlyMap<string, HelperObject>): Evaluator | undefined {
  const procedure = node["procedure"];
  const helper = plain(procedure) && procedure.type === "variable" ? helpers.get(String(procedure.value)) : undefined;
  const rawArgs = node["arguments"];
  if (!helper || !Array.isArray(rawArgs)) return undefined;
  const args = rawArgs.map((arg) => compileNode(arg, helpers));
  if (args.some((arg) => arg === undefined)) return undefined;
  const evaluators = args as Evaluator[];
  return (input, scope) => {
    const values = evaluators.map((evaluate) => evaluate(input, scope));
    const validated = helper.signature ? helper.signature.validate(values, input) : values;
    const result = helper.implementation.apply(scope.focus, validated);
    if (result instanceof Promise) throw FALLBACK;
    return result;
  };
}

/**
 * An array constructor whose items are helper calls or array constructors (`[]` included): jsonata
 * skips undefined items, nests an inner constructor's array, and appends (flattens one level) any
 * other array. Items of other kinds (paths, whose results jsonata may treat as sequences) are left
 * to jsonata.
 */
function compileArray(node: Node, helpers: ReadonlyMap<string, HelperObject>): Evaluator | undefined {
  const expressions = node["expressions"];
  if (node.value !== "[" || !Array.isArray(expressions)) return undefined;
  const items: Array<[Evaluator, boolean]> = [];
  for (const item of expressions as unknown[]) {
    const nested = plain(item) && item.type === "unary" && item.value === "[";
    const evaluate = nested || (plain(item) && item.type === "function") ? compileNode(item, helpers) : undefined;
    if (!evaluate) return undefined;
    items.push([evaluate, nested]);
  }
  return (input, scope) => {
    const out: unknown[] = [];
    for (const [evaluate, nested] of items) {
      const value = evaluate(input, scope);
      if (value === undefined) continue;
      if (Array.isArray(value) && !nested) out.push(...(value as unknown[]));
      else out.push(value);
    }
    return out;
  };
}

function compileNode(node: unknown, helpers: ReadonlyMap<string, HelperObject>): Evaluator | undefined {
  if (!plain(node)) return undefined;
  switch (node.type) {
    case "string":
    case "number":
    case "value": {
      const value = node.value;
      return () => value;
    }
    case "path":
      return compilePath(node);
    case "unary":
      return compileArray(node, helpers);
    case "variable":
      return node.value === "settings" ? (_input, scope) => scope.bindings["settings"] : undefined;
    case "condition":
      return compileCondition(node, helpers);
    case "binary":
      return compileTest(node, helpers);
    case "function":
      return compileCall(node, helpers);
    default:
      return undefined;
  }
}

/** The fast evaluator of `ast`, or undefined when the expression is not of the supported shape. */
export function compileFastPath(ast: unknown, helpers: ReadonlyMap<string, HelperObject>): FastPath | undefined {
  if (!plain(ast) || ast.type !== "unary" || ast.value !== "{" || !Array.isArray(ast["lhs"])) return undefined;
  const fields: Array<[string, Evaluator]> = [];
  for (const pair of ast["lhs"] as unknown[]) {
    const [key, value] = Array.isArray(pair) ? (pair as unknown[]) : [];
    const evaluate = compileNode(value, helpers);
    if (!plain(key) || key.type !== "string" || typeof key.value !== "string" || !evaluate) return undefined;
    if (fields.some(([name]) => name === key.value)) return undefined;
    fields.push([key.value, evaluate]);
  }
  return (record, bindings) => {
    if (!isObject(record)) return FALLBACK;
    const input = record;
    const scope: Scope = { bindings, focus: { environment: { lookup: (name: string | symbol) => bindings[name as string] } as jsonata.Environment, input } };
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    try {
      for (const [name, evaluate] of fields) {
        const value = evaluate(input, scope);
        if (value !== undefined) out[name] = value;
      }
    } catch {
      return FALLBACK;
    }
    return out;
  };
}
