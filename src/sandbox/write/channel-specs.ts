/** Writes to `/channels` and `/association-types`. */
import type { Channel } from "../catalog/types.js";
import type { AkeneoErrorDetail } from "../http/akeneo-error.js";
import type { StructureSpec } from "./upsert-structure.js";

/** `/channels` writes; a channel's locales and currencies become enabled. */
export const channelSpec: StructureSpec = {
  collection: (store) => store.channels as never,
  fields: { code: "string", locales: "strings", currencies: "strings", category_tree: "string", conversion_units: "object", labels: "labels" },
  requiredOnCreate: ["locales", "currencies", "category_tree"],
  create: (code) => ({ code, currencies: [], locales: [], category_tree: "", conversion_units: {}, labels: {} }),
  validate(store, merged) {
    const channel = merged as unknown as Channel;
    const errors: AkeneoErrorDetail[] = [];
    for (const code of channel.locales) if (!store.locales.has(code)) errors.push({ property: "locales", message: `Property "locales" expects a valid locale code. The locale does not exist, "${code}" given.` });
    for (const code of channel.currencies) if (!store.currencies.has(code)) errors.push({ property: "currencies", message: `Property "currencies" expects a valid currency code. The currency does not exist, "${code}" given.` });
    const tree = store.categories.get(channel.category_tree);
    if (!tree || tree.parent !== null) errors.push({ property: "category_tree", message: `Property "category_tree" expects a valid category tree code, "${channel.category_tree}" given.` });
    return errors;
  },
  afterSave(store, saved, _previous, now) {
    const channel = saved as unknown as Channel;
    for (const code of channel.locales) {
      const locale = store.locales.get(code);
      if (locale && !locale.enabled) store.locales.set({ ...locale, enabled: true }, now);
    }
    for (const code of channel.currencies) {
      const currency = store.currencies.get(code);
      if (currency && !currency.enabled) store.currencies.set({ ...currency, enabled: true }, now);
    }
  },
  location: (code) => `/api/rest/v1/channels/${code}`,
};

/** `/association-types` writes (quantified and two-way flags immutable). */
export const associationTypeSpec: StructureSpec = {
  collection: (store) => store.associationTypes as never,
  fields: { code: "string", labels: "labels", is_quantified: "boolean", is_two_way: "boolean" },
  immutable: ["is_quantified", "is_two_way"],
  create: (code) => ({ code, labels: {}, is_quantified: false, is_two_way: false }),
  location: (code) => `/api/rest/v1/association-types/${code}`,
};
