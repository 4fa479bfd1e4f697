import { describe, expect, it } from "vitest";
import { computeBackoff } from "../../src/http/backoff.js";

const options = { baseDelayMs: 500, maxDelayMs: 30_000 };

describe("computeBackoff", () => {
  it.each([
    [1, 1, 500],
    [2, 1, 1_000],
    [3, 1, 2_000],
    [7, 1, 30_000],
    [20, 1, 30_000],
    [1, 0, 250],
    [3, 0, 1_000],
    [3, 0.5, 1_500],
    [0, 1, 500],
  ])("retry %i with random %d → %i ms", (retry, random, expected) => {
    expect(computeBackoff(retry, options, () => random)).toBe(expected);
  });
});
