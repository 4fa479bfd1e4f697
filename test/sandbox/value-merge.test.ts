import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { createValues } from "../../src/sandbox/catalog/create-values.js";
import type { Values } from "../../src/sandbox/catalog/types.js";
import { createPrng } from "../../src/sandbox/prng.js";
import { isSameData } from "../../src/sandbox/write/is-same-data.js";
import { mergeValues, mergeValuesInto, type ValuesPatch } from "../../src/sandbox/write/merge-patch.js";

const sparse = [1, , 3];
const DATA: unknown[] = [
  null, undefined, "", "a", "1.50", "1.5", 0, -0, 1, 1.5, NaN, true, false, [], [1], [1, 3], ["a", "b"], ["b", "a"], sparse, [1, undefined, 3],
  {}, { amount: "1.50", unit: "GRAM" }, { unit: "GRAM", amount: "1.50" }, { amount: "1.5", unit: "GRAM" }, { amount: null, unit: "GRAM" }, { amount: "1.50" },
  [{ amount: "2.00", currency: "EUR" }, { amount: "3.00", currency: "USD" }], [{ amount: "2.00", currency: "EUR" }, { amount: "3", currency: "USD" }],
  Object.assign(Object.create(null), { a: 1 }), { a: 1 }, new Date(0), new Date(0), [[1, [2]]], [[1, [2]]],
];

describe("isSameData", () => {
  it("agrees with isDeepStrictEqual on every pair of value data (and a few things value data never is)", () => {
    const disagreements = DATA.flatMap((a, i) => DATA.flatMap((b, j) => (isSameData(a, b) === isDeepStrictEqual(a, b) ? [] : [`#${i} vs #${j}`])));
    expect(disagreements).toEqual([]);
  });
});

describe("mergeValuesInto", () => {
  const existing = (): Values => ({
    name: [{ locale: "en_US", scope: null, data: "A" }, { locale: "fr_FR", scope: null, data: "B" }],
    stock: [{ locale: null, scope: null, data: 3 }],
  });
  const patches: ValuesPatch[] = [
    [],
    [["name", [{ locale: "en_US", scope: null, data: "A" }]]],
    [["name", [{ locale: "fr_FR", scope: null, data: "C" }, { locale: "de_DE", scope: null, data: "D" }]]],
    [["stock", [{ locale: null, scope: null, data: null }]], ["color", [{ locale: null, scope: null, data: "red" }]]],
    [["name", [{ locale: "en_US", scope: null, data: "" }, { locale: "fr_FR", scope: null, data: [] }]]],
  ];

  it.each(patches.map((patch, i) => [i, patch] as const))("changes its target exactly as mergeValues returns: patch #%i", (_i, patch) => {
    const source = existing();
    const copied = mergeValues(source, patch);
    const target = existing();
    const changed = mergeValuesInto(target, patch);
    expect(changed).toBe(copied.changed);
    expect(JSON.stringify(target)).toBe(JSON.stringify(copied.values));
    expect(source).toEqual(existing()); // mergeValues leaves its input alone
  });
});

describe("createValues", () => {
  it("is an ordinary plain object", () => {
    const values = createValues();
    values["b"] = [];
    values["a"] = [];
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(JSON.stringify(values)).toBe('{"b":[],"a":[]}');
  });
});

describe("prng sample", () => {
  it("picks distinct items in their original order, the same for the same seed", () => {
    const items = ["a", "b", "c", "d", "e"];
    const first = createPrng(7);
    const second = createPrng(7);
    for (let i = 0; i < 200; i++) {
      const picked = first.sample(items, 1 + (i % 5));
      expect(second.sample(items, 1 + (i % 5))).toEqual(picked);
      expect(new Set(picked).size).toBe(picked.length);
      expect([...picked].sort()).toEqual(picked);
    }
  });
});
