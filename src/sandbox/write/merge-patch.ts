/**
 * Akeneo's PATCH semantics (update.md): an object is merged key by key, recursively; anything else
 * (scalar or array) replaces the old value; `values` merge per attribute and per (locale, scope),
 * and an empty `data` (null, "", []) removes that one value.
 */
import { isDeepStrictEqual } from "node:util";
import type { ValueEntry, Values } from "../catalog/types.js";
import { isPlainObject } from "../http/akeneo-error.js";
import { isEmptyData } from "../store/completeness.js";

/** Merge `patch` into a deep copy of `target`. */
export function mergePatch<T extends Record<string, unknown>>(target: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = structuredClone(target);
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isPlainObject(value) && isPlainObject(current) ? mergePatch(current, value) : structuredClone(value);
  }
  return out as T;
}

/**
 * Merge incoming values into existing ones. Returns a new object and whether anything changed;
 * neither argument is modified, and unchanged attributes share their entries with `existing`
 * (values are never mutated in place). `incoming` must be owned by the caller (a parsed request).
 */
export function mergeValues(existing: Values, incoming: Values): { values: Values; changed: boolean } {
  const out: Values = { ...existing };
  let changed = false;
  for (const [code, entries] of Object.entries(incoming)) {
    const current = out[code];
    let merged: ValueEntry[] | undefined;
    for (const entry of entries) {
      const list = merged ?? current ?? [];
      const index = list.findIndex((e) => e.locale === entry.locale && e.scope === entry.scope);
      if (isEmptyData(entry.data)) {
        if (index < 0) continue;
        merged = list === merged ? merged : [...list];
        merged.splice(index, 1);
      } else if (index >= 0) {
        if (isDeepStrictEqual(list[index]!.data, entry.data)) continue;
        merged = list === merged ? merged : [...list];
        merged[index] = { locale: entry.locale, scope: entry.scope, data: entry.data };
      } else {
        merged = list === merged ? merged : [...list];
        merged.push({ locale: entry.locale, scope: entry.scope, data: entry.data });
      }
    }
    if (merged === undefined) continue;
    changed = true;
    if (merged.length > 0) out[code] = merged;
    else delete out[code];
  }
  return { values: out, changed };
}
