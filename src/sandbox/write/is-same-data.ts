/**
 * `isDeepStrictEqual` for value `data`, without its cost: a collection PATCH compares every incoming
 * value with the stored one. Value data is JSON data (what JSON.parse, normaliseData and value
 * generation make: primitives, plain objects, dense arrays, no symbol keys), for which the two agree;
 * anything with another prototype, or a sparse array, is handed to `isDeepStrictEqual`.
 */
import { isDeepStrictEqual } from "node:util";

/** Same result as `isDeepStrictEqual(a, b)` on JSON data. */
export function isSameData(a: unknown, b: unknown): boolean {
  if (a === b) return a !== 0 || Object.is(a, b); // 0 and -0 differ in strict mode
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b; // NaN equals NaN
  const prototype = Object.getPrototypeOf(a);
  if (prototype !== Object.getPrototypeOf(b)) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return isDeepStrictEqual(a, b);
  if (isArray && prototype === Array.prototype) return isSameArray(a as unknown[], b as unknown[]);
  if (!isArray && prototype === Object.prototype) return isSamePlainObject(a as Record<string, unknown>, b as Record<string, unknown>);
  return isDeepStrictEqual(a, b);
}

function isSameArray(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!(i in a) || !(i in b)) return isDeepStrictEqual(a, b); // holes
    if (!isSameData(a[i], b[i])) return false;
  }
  return true;
}

function isSamePlainObject(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !isSameData(a[key], b[key])) return false;
  return true;
}
