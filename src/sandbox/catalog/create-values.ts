/**
 * An empty `values` object for code that fills one attribute at a time. Every product holds its own
 * subset of its family's attributes, so `{}` filled key by key makes V8 build a new hidden class
 * per subset (and then turn the object into a dictionary past a dozen keys anyway): that was the
 * biggest single cost of a collection PATCH line. An object from `Object.create(null)` starts as a
 * dictionary, and giving it back `Object.prototype` leaves it one, so it is an ordinary plain
 * object (same prototype, key order, JSON) that skips those hidden classes.
 */
import type { Values } from "./types.js";

/** A new, empty, plain `values` object, cheap to add attribute codes to. */
export function createValues(): Values {
  return Object.setPrototypeOf(Object.create(null), Object.prototype) as Values;
}
