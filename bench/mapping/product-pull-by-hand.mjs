// The default products pull mapping written by hand in plain JavaScript: the benchmark's baseline,
// and proof (test/mapping/bench-parity.test.ts) that it produces the same output as the mapping.

function num(v) { return typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v; }

function convert(type, data, mediaUrl, mediaFormat) {
  if (data === null || data === undefined) return undefined;
  if (type === "pim_catalog_number") return num(data);
  if (type === "pim_catalog_metric") return { amount: num(data.amount), unit: data.unit };
  if (type === "pim_catalog_price_collection") return data.map((p) => ({ amount: num(p.amount), currency: p.currency }));
  if (type === "pim_catalog_image" || type === "pim_catalog_file") return mediaFormat === "code" ? data : mediaUrl(data);
  return data;
}

function find(list, locale, scope) {
  for (const e of list) if ((e.locale ?? null) === locale && (e.scope ?? null) === scope) return e.data;
  return undefined;
}

function utc(date) {
  if (date == null) return null;
  return new Date(date).toISOString().replace(/\.000Z$/, "Z");
}

/**
 * Akeneo product → canonical product, for `settings` and a catalog given as
 * `{ attributes: Map<code, {type, localizable, scopable}>, mediaUrl(code) }`.
 */
export function productPullByHand(product, settings, catalog) {
  const values = product.values ?? {};
  const { channel, locales } = settings;
  const localized = (code) => {
    const out = {};
    const list = values[code];
    const a = catalog.attributes.get(code);
    if (!list || !a) return out;
    const scope = a.scopable ? channel : null;
    for (const locale of locales) {
      const v = convert(a.type, find(list, a.localizable ? locale : null, scope), catalog.mediaUrl, settings.mediaFormat);
      if (v !== undefined) out[locale] = v;
    }
    return out;
  };
  const attributes = {};
  for (const code of Object.keys(values)) {
    if (code === "sku" || code === settings.nameAttribute || code === settings.descriptionAttribute || code === settings.priceAttribute) continue;
    const a = catalog.attributes.get(code);
    const scope = a.scopable ? channel : null;
    if (!a.localizable) {
      const v = convert(a.type, find(values[code], null, scope), catalog.mediaUrl, settings.mediaFormat);
      if (v !== undefined) attributes[code] = v;
    } else {
      const m = localized(code);
      if (Object.keys(m).length > 0) attributes[code] = m;
    }
  }
  const priceAttr = catalog.attributes.get(settings.priceAttribute);
  const prices = values[settings.priceAttribute] && priceAttr
    ? convert(priceAttr.type, find(values[settings.priceAttribute], null, priceAttr.scopable ? channel : null)) ?? []
    : [];
  return {
    uuid: product.uuid ?? null,
    sku: product.identifier ?? (values.sku ? find(values.sku, null, null) ?? null : null),
    enabled: product.enabled ?? true,
    family: product.family ?? null,
    parent: product.parent ?? null,
    categories: product.categories ?? [],
    name: localized(settings.nameAttribute),
    description: localized(settings.descriptionAttribute),
    prices,
    attributes,
    createdAt: utc(product.created),
    updatedAt: utc(product.updated),
  };
}
