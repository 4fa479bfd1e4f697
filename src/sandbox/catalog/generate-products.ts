/**
 * Seeded generation of product models, variant products and simple products. About 30 % of the
 * requested products are variants (grouped under root and sub product models); the rest are simple
 * products. Only compact records are built here; values are generated lazily (see generate-values).
 */
import { createPrng, mixSeed, type Prng } from "../prng.js";
import type { FamilyVariant, ProductModelRecord, ProductRecord } from "./types.js";

/** Leaf categories of the master tree used for each family. */
const BRANCHES: Readonly<Record<string, string[]>> = {
  accessories: ["bags", "hats", "watches"], clothing: ["men", "women", "kids"], electronics: ["audio", "cameras", "phones"],
  home: ["kitchen", "furniture", "decor"], outdoor: ["camping", "cycling"], shoes: ["running", "hiking", "casual_shoes"],
};
const MOBILE = ["mobile_featured", "mobile_new", "mobile_sale"];
const SUPPLIERS = ["supplier_north", "supplier_south"];

/** Root-model shapes cycled through: family variant and how many values each axis level gets. */
const PATTERNS: ReadonlyArray<{ variant: string; family: string; axisValues: string[][] }> = [
  { variant: "clothing_color_size", family: "clothing", axisValues: [["black", "navy", "red", "white", "grey"], ["s", "m", "l"]] },
  { variant: "shoes_size", family: "shoes", axisValues: [["eu_39", "eu_40", "eu_41", "eu_42"]] },
  { variant: "clothing_size", family: "clothing", axisValues: [["xs", "s", "m", "l", "xl"]] },
  { variant: "accessories_color", family: "accessories", axisValues: [["black", "brown", "blue"]] },
];

export interface GeneratedProducts {
  products: ProductRecord[];
  productModels: ProductModelRecord[];
}

interface Timeline { reference: number; span: number }

/** Generate `count` products (and their models) for `seed`, timestamps within `span` seconds before `reference`. */
export function generateProducts(count: number, seed: number, variants: ReadonlyMap<string, FamilyVariant>, timeline: Timeline): GeneratedProducts {
  const rng = createPrng(seed);
  const products: ProductRecord[] = [];
  const productModels: ProductModelRecord[] = [];
  const variantBudget = Math.round(count * 0.3);
  let modelIndex = 0;
  while (products.length < variantBudget) {
    const pattern = PATTERNS[modelIndex % PATTERNS.length]!;
    const familyVariant = variants.get(pattern.variant);
    if (!familyVariant) break;
    addModelTree(pattern, modelIndex++, variantBudget, { rng, seed, products, productModels, timeline });
  }
  const families = Object.keys(BRANCHES);
  for (let i = 0; products.length < count; i++) {
    const family = i % 33 === 5 ? null : rng.pick(families);
    const created = randomCreated(rng, timeline, timeline.reference - timeline.span);
    products.push(newProduct(rng, seed, products.length, {
      identifier: i % 50 === 17 ? null : skuFor(products.length), family, parent: null,
      categories: rng.chance(0.05) ? [] : pickCategories(rng, family, true), created,
    }, timeline));
  }
  addAssociations(rng, products);
  return { products, productModels };
}

interface Sink { rng: Prng; seed: number; products: ProductRecord[]; productModels: ProductModelRecord[]; timeline: Timeline }

function addModelTree(pattern: (typeof PATTERNS)[number], index: number, budget: number, sink: Sink): void {
  const { rng, timeline } = sink;
  const code = `${pattern.family}_model_${String(index + 1).padStart(5, "0")}`;
  const created = randomCreated(rng, timeline, timeline.reference - timeline.span);
  const root = newModel(sink, { code, pattern, parent: null, created, categories: pickCategories(rng, pattern.family, false) });
  const [first, second] = pattern.axisValues;
  const firstAxis = axisCodeFor(pattern.variant, 0);
  for (const value of first ?? []) {
    if (sink.products.length >= budget) return;
    if (!second) {
      addVariant(sink, root, { [firstAxis]: value });
      continue;
    }
    const sub = newModel(sink, { code: `${code}_${value}`, pattern, parent: root, created: randomCreated(rng, timeline, root.created), categories: rng.chance(0.1) ? [rng.pick(MOBILE)] : [] }, { [firstAxis]: value });
    for (const size of second) {
      if (sink.products.length >= budget) return;
      addVariant(sink, sub, { [axisCodeFor(pattern.variant, 1)]: size });
    }
  }
}

function addVariant(sink: Sink, parent: ProductModelRecord, axes: Record<string, string>): void {
  const { rng, timeline } = sink;
  const record = newProduct(rng, sink.seed, sink.products.length, {
    identifier: skuFor(sink.products.length), family: parent.family, parent: parent.code,
    categories: rng.chance(0.1) ? [rng.pick(MOBILE)] : [], created: randomCreated(rng, timeline, parent.created),
  }, timeline);
  record.axes = axes;
  sink.products.push(record);
}

interface ModelSpec { code: string; pattern: (typeof PATTERNS)[number]; parent: ProductModelRecord | null; created: number; categories: string[] }

function newModel(sink: Sink, spec: ModelSpec, axes?: Record<string, string>): ProductModelRecord {
  const model: ProductModelRecord = {
    code: spec.code, family: spec.pattern.family, family_variant: spec.pattern.variant, parent: spec.parent?.code ?? null,
    categories: spec.categories, created: spec.created, updated: randomUpdated(sink.rng, spec.created, sink.timeline),
    associations: {}, quantified_associations: {}, values: null, seed: mixSeed(sink.seed, 0x100000 + sink.productModels.length),
  };
  if (axes) model.axes = axes;
  sink.productModels.push(model);
  return model;
}

interface ProductSpec { identifier: string | null; family: string | null; parent: string | null; categories: string[]; created: number }

function newProduct(rng: Prng, seed: number, index: number, spec: ProductSpec, timeline: Timeline): ProductRecord {
  return {
    uuid: rng.uuid(), identifier: spec.identifier, enabled: rng.chance(0.9), family: spec.family, categories: spec.categories,
    groups: [], parent: spec.parent, created: spec.created, updated: randomUpdated(rng, spec.created, timeline),
    associations: {}, quantified_associations: {}, values: null, seed: mixSeed(seed, index),
  };
}

function pickCategories(rng: Prng, family: string | null, simple: boolean): string[] {
  const branch = BRANCHES[family ?? ""] ?? ["clothing", "home", "outdoor"];
  const out = rng.sample(branch, rng.chance(0.3) ? 2 : 1);
  if (rng.chance(simple ? 0.55 : 0.5)) out.push(rng.pick(MOBILE));
  if (rng.chance(0.15)) out.push(rng.pick(SUPPLIERS));
  return out;
}

function addAssociations(rng: Prng, products: ProductRecord[]): void {
  for (const product of products) {
    if (product.parent !== null || !rng.chance(0.1)) continue;
    const targets = rng.sample(products, rng.int(1, 3)).filter((p) => p !== product).map((p) => p.uuid);
    if (targets.length > 0) product.associations = { X_SELL: { products: targets.sort(), product_models: [], groups: [] } };
  }
}

function axisCodeFor(variant: string, level: number): string {
  if (variant === "shoes_size") return "shoe_size";
  if (variant === "accessories_color" || (variant === "clothing_color_size" && level === 0)) return "color";
  return "size";
}

const skuFor = (n: number) => `SKU-${String(n + 1).padStart(6, "0")}`;
const randomCreated = (rng: Prng, t: Timeline, notBefore: number) => notBefore + rng.int(0, Math.max(0, t.reference - notBefore - 86400));
const randomUpdated = (rng: Prng, created: number, t: Timeline) => created + rng.int(0, Math.max(0, t.reference - created - 1));
