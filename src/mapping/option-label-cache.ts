/**
 * Option labels, fetched through the catalog's loader at most once per attribute per mapper.
 * The promise is cached (concurrent records share one load); a rejected load is evicted so a
 * transient failure fails the records that needed it, not the rest of the run.
 */
import type { MappingSettings, OptionLabels } from "./mapping-types.js";

export interface OptionLabelCache {
  /** The labels of `attribute`, loading them on first use. */
  get(attribute: string): Promise<OptionLabels>;
  /** Load every attribute of `attributes` not loaded yet; resolves when all are in. */
  prefetch(attributes: Iterable<string>): Promise<void> | undefined;
}

/** A cache over `load`, one per mapper. */
export function createOptionLabelCache(load: (attribute: string) => Promise<OptionLabels>): OptionLabelCache {
  const promises = new Map<string, Promise<OptionLabels>>();
  const loaded = new Set<string>();
  const get = (attribute: string): Promise<OptionLabels> => {
    let promise = promises.get(attribute);
    if (!promise) {
      promise = Promise.resolve()
        .then(() => load(attribute))
        .then(
          (labels) => {
            loaded.add(attribute);
            return labels;
          },
          (error: unknown) => {
            promises.delete(attribute);
            throw error;
          },
        );
      promises.set(attribute, promise);
    }
    return promise;
  };
  return {
    get,
    prefetch(attributes) {
      const pending: Promise<OptionLabels>[] = [];
      for (const attribute of attributes) if (!loaded.has(attribute)) pending.push(get(attribute));
      return pending.length === 0 ? undefined : Promise.all(pending).then(() => undefined);
    },
  };
}

/**
 * The label of one option: in `locale`, else in the subscription's first locale, else the code
 * itself (an option without labels, or unknown to the catalog, still maps to something readable).
 */
export function pickOptionLabel(labels: OptionLabels, code: string, locale: string | undefined, settings: MappingSettings): string {
  const byLocale = labels.get(code);
  const wanted = locale ?? settings.locales[0];
  return (wanted !== undefined ? byLocale?.[wanted] : undefined) ?? byLocale?.[settings.locales[0] ?? ""] ?? code;
}

/** `{ locale: label }` of one option for the subscription's locales (code as the fallback label). */
export function pickOptionLabels(labels: OptionLabels, code: string, settings: MappingSettings): Record<string, string> {
  const byLocale = labels.get(code);
  const out: Record<string, string> = {};
  for (const locale of settings.locales) out[locale] = byLocale?.[locale] ?? code;
  return out;
}
