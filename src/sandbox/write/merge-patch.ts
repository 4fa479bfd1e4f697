/**
 * Akeneo's PATCH semantics (update.md): an object is merged key by key, recursively; anything else
 * (scalar or array) replaces the old value; `values` merge per attribute and per (locale, scope),
 * and an empty `data` (null, "", []) removes that one value.
 */
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

/** Merge incoming values into existing ones; returns a new object. */
export function mergeValues(existing: Values, incoming: Values): Values {
  const out: Values = {};
  for (const [code, entries] of Object.entries(existing)) out[code] = entries.map((e) => ({ ...e }));
  for (const [code, entries] of Object.entries(incoming)) {
    const merged: ValueEntry[] = out[code] ?? [];
    for (const entry of entries) {
      const index = merged.findIndex((e) => e.locale === entry.locale && e.scope === entry.scope);
      const next = { locale: entry.locale, scope: entry.scope, data: structuredClone(entry.data) };
      if (isEmptyData(entry.data)) {
        if (index >= 0) merged.splice(index, 1);
      } else if (index >= 0) merged[index] = next;
      else merged.push(next);
    }
    if (merged.length > 0) out[code] = merged;
    else delete out[code];
  }
  return out;
}
