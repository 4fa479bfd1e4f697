import { describe, expect, it } from "vitest";
import { addToSample, newSample, SAMPLE_SIZE } from "../../src/flows/date-sample.js";

describe("DateSample (work stealing's sample of a partition's dates)", () => {
  it("keeps every value while there is room", () => {
    const sample = newSample([]);
    for (let t = 0; t < 100; t++) addToSample(sample, t);
    expect(sample.values).toEqual(Array.from({ length: 100 }, (_, t) => t));
    expect(sample.stride).toBe(1);
  });

  it("stays bounded over a million values, and its median stays close to theirs", () => {
    const sample = newSample([]);
    // Dates in key order are unrelated to the dates' order: a fixed pseudo-random permutation of 0..999,999.
    const n = 1_000_000;
    for (let i = 0; i < n; i++) addToSample(sample, (i * 7919) % n);
    expect(sample.values.length).toBeLessThan(SAMPLE_SIZE);
    expect(sample.values.length).toBeGreaterThan(SAMPLE_SIZE / 4);
    expect(sample.stride).toBeGreaterThan(1000);
    const sorted = [...sample.values].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    expect(Math.abs(median - n / 2)).toBeLessThan(n * 0.1);
  });

  it("a sample split off keeps its stride", () => {
    const sample = newSample([1, 2, 3], 8);
    addToSample(sample, 4); // offered 1st: kept (every 8th, from the first)
    addToSample(sample, 5); // 2nd: skipped
    expect(sample.values).toEqual([1, 2, 3, 4]);
  });
});
