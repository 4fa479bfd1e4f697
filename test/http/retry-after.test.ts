import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/http/retry-after.js";

const NOW = Date.parse("2025-03-01T10:00:00Z");

describe("parseRetryAfter", () => {
  it.each<[string | string[] | undefined, number | undefined]>([
    ["15", 15_000],
    ["0", 0],
    [" 2 ", 2_000],
    ["1.5", 1_500],
    [["3", "9"], 3_000],
    ["Sat, 01 Mar 2025 10:00:30 GMT", 30_000],
    ["Sat, 01 Mar 2025 09:59:00 GMT", 0],
    ["100000", 600_000],
    [undefined, undefined],
    ["", undefined],
    [[], undefined],
    ["-5", undefined],
    ["soon", undefined],
    ["12abc", undefined],
  ])("%j → %s ms", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it("caps at the given maximum", () => {
    expect(parseRetryAfter("120", NOW, 60_000)).toBe(60_000);
  });
});
