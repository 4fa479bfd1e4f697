/**
 * Akeneo's PATCH semantics (update.md): an object is merged key by key, recursively; anything else
 * (scalar or array) replaces the old value; `values` merge per attribute and per (locale, scope),
 * and an empty `data` (null, "", []) removes that one value.
 */
import { createValues } from "../catalog/create-values.js";
import type { ValueEntry, Values } from "../catalog/types.js";
import { isPlainObject } from "../http/akeneo-error.js";
import { isEmptyData } from "../store/completeness.js";
import { isSameData } from "./is-same-data.js";

/** Merge `patch` into a deep copy of `target`. */
export function mergePatch<T extends Record<string, unknown>>(target: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = structuredClone(target);
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isPlainObject(value) && isPlainObject(current) ? mergePatch(current, value) : structuredClone(value);
  }
  return out as T;
}

/** Incoming values as (attribute code, entries) pairs, in the order given: cheaper to build and walk than an object. */
export type ValuesPatch = ReadonlyArray<readonly [code: string, entries: readonly ValueEntry[]]>;

/**
 * Merge incoming values into existing ones. Returns a new object and whether anything changed;
 * neither argument is modified, and unchanged attributes share their entries with `existing`
 * (values are never mutated in place). `incoming` must be owned by the caller (a parsed request).
 */
export function mergeValues(existing: Values, incoming: ValuesPatch): { values: Values; changed: boolean } {
  const out = createValues();
  for (const code of Object.keys(existing)) out[code] = existing[code]!;
  return { values: out, changed: mergeValuesInto(out, incoming) };
}

/**
 * `mergeValues` into `target` itself, for a caller that owns the `values` object (freshly generated,
 * say) and so need not copy it. Entry lists are still copied on write, never changed in place, so
 * they may be shared. Returns whether anything changed.
 */
export function mergeValuesInto(target: Values, incoming: ValuesPatch): boolean {
  let changed = false;
  for (const [code, entries] of incoming) {
    const merged = mergeEntries(target[code], entries);
    if (merged === undefined) continue;
    changed = true;
    if (merged.length > 0) target[code] = merged;
    else delete target[code];
  }
  return changed;
}

/** One attribute's entries after the patch, or undefined when the patch changes none of them (copy on first change). */
function mergeEntries(current: ValueEntry[] | undefined, entries: readonly ValueEntry[]): ValueEntry[] | undefined {
  let merged: ValueEntry[] | undefined;
  for (const entry of entries) {
    const list = merged ?? current ?? [];
    const index = indexOfSlot(list, entry.locale, entry.scope);
    if (isEmptyData(entry.data)) {
      if (index < 0) continue;
      merged = list === merged ? merged : [...list];
      merged.splice(index, 1);
    } else if (index >= 0) {
      if (isSameData(list[index]!.data, entry.data)) continue;
      merged = list === merged ? merged : [...list];
      merged[index] = { locale: entry.locale, scope: entry.scope, data: entry.data };
    } else {
      const added = { locale: entry.locale, scope: entry.scope, data: entry.data };
      if (list === merged) merged.push(added);
      else merged = [...list, added]; // exact size: this list may be stored
    }
  }
  return merged;
}

function indexOfSlot(list: ValueEntry[], locale: string | null, scope: string | null): number {
  for (let i = 0; i < list.length; i++) if (list[i]!.locale === locale && list[i]!.scope === scope) return i;
  return -1;
}
