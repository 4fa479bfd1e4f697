// The synthetic catalog and product of the mapping benchmark (and of its parity test): 46
// attributes of every common type, 3 locales and 2 channels, so a localizable and scopable
// attribute carries 6 values. Plain JS: the benchmark runs on the built package without tsx.

export const BENCH_SETTINGS = Object.freeze({
  channel: "ecommerce",
  locales: ["en_US", "fr_FR", "de_DE"],
  nameAttribute: "name",
  descriptionAttribute: "description",
  priceAttribute: "price",
  mediaFormat: "link",
  productIdFormat: "uuid",
});
export const BENCH_BASE_URL = "https://pim.example.com";

const LOCALES = ["en_US", "fr_FR", "de_DE"];
const CHANNELS = ["ecommerce", "mobile"];

function attribute(code, type, localizable = false, scopable = false, decimals = undefined) {
  const a = { code, type, localizable, scopable };
  if (decimals !== undefined) a.decimals_allowed = decimals;
  return a;
}

/** The 46 Akeneo attributes of the synthetic catalog. */
export function benchAttributes() {
  const list = [
    attribute("sku", "pim_catalog_identifier"),
    attribute("name", "pim_catalog_text", true),
    attribute("description", "pim_catalog_textarea", true, true),
    attribute("price", "pim_catalog_price_collection", false, false, true),
    attribute("stext_1", "pim_catalog_text", false, true),
  ];
  for (let i = 1; i <= 8; i++) list.push(attribute(`text_${i}`, "pim_catalog_text"));
  for (let i = 1; i <= 6; i++) list.push(attribute(`ltext_${i}`, "pim_catalog_text", true));
  for (let i = 1; i <= 4; i++) list.push(attribute(`ltextarea_${i}`, "pim_catalog_textarea", true, true));
  for (let i = 1; i <= 4; i++) list.push(attribute(`number_${i}`, "pim_catalog_number", false, false, i > 2));
  for (let i = 1; i <= 4; i++) list.push(attribute(`metric_${i}`, "pim_catalog_metric", false, false, true));
  for (let i = 1; i <= 3; i++) list.push(attribute(`bool_${i}`, "pim_catalog_boolean"));
  for (let i = 1; i <= 2; i++) list.push(attribute(`date_${i}`, "pim_catalog_date"));
  for (let i = 1; i <= 4; i++) list.push(attribute(`select_${i}`, "pim_catalog_simpleselect"));
  for (let i = 1; i <= 3; i++) list.push(attribute(`multi_${i}`, "pim_catalog_multiselect"));
  for (let i = 1; i <= 2; i++) list.push(attribute(`image_${i}`, "pim_catalog_image"));
  list.push(attribute("file_1", "pim_catalog_file"));
  return list;
}

function entries(a, data) {
  const locales = a.localizable ? LOCALES : [null];
  const scopes = a.scopable ? CHANNELS : [null];
  return locales.flatMap((locale) => scopes.map((scope) => ({ locale, scope, data: data(locale, scope) })));
}

function dataFor(a, n) {
  switch (a.type) {
    case "pim_catalog_identifier": return () => `SKU-${n}`;
    case "pim_catalog_number": return () => (a.decimals_allowed ? `${n}.2500` : n);
    case "pim_catalog_metric": return () => ({ amount: `${n}.5000`, unit: "KILOGRAM" });
    case "pim_catalog_price_collection": return () => [{ amount: `${n}.99`, currency: "EUR" }, { amount: `${n + 1}.49`, currency: "USD" }];
    case "pim_catalog_boolean": return () => n % 2 === 0;
    case "pim_catalog_date": return () => "2024-03-01T00:00:00+00:00";
    case "pim_catalog_simpleselect": return () => `option_${n % 5}`;
    case "pim_catalog_multiselect": return () => ["option_1", `option_${n % 5}`];
    case "pim_catalog_image": case "pim_catalog_file": return () => `a/b/c/d/abcdef${n}_${a.code}.jpg`;
    default: return (locale, scope) => `${a.code} ${n} ${locale ?? "-"} ${scope ?? "-"}`;
  }
}

/** One synthetic Akeneo product (standard format, as /products-uuid returns it). */
export function benchProduct(n = 1) {
  const values = {};
  for (const a of benchAttributes()) values[a.code] = entries(a, dataFor(a, n));
  return {
    uuid: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    enabled: true,
    family: "bench",
    categories: ["master", "bench"],
    groups: [],
    parent: null,
    values,
    created: "2024-01-02T03:04:05+01:00",
    updated: "2024-02-03T04:05:06+00:00",
    associations: {},
    quantified_associations: {},
  };
}
