/**
 * `toUtc` rewrites Akeneo's `+00:00` form without going through `Date` when the date cannot roll
 * over. Whichever path a date takes, the answer must be what `Date` gives.
 */
import { describe, expect, it } from "vitest";
import { toUtc } from "../../src/mapping/pull-helpers.js";

/** What `toUtc` answered before it had a fast path. */
const throughDate = (date: string) => new Date(date).toISOString().replace(/\.000Z$/, "Z");

/** A deterministic spread of instants from 1970 to 2100, in Akeneo's `+00:00` form. */
function akeneoDates(count: number): string[] {
  const out: string[] = [];
  let seed = 7;
  for (let i = 0; i < count; i++) {
    seed = (seed * 48271) % 2147483647;
    const seconds = Math.floor((seed / 2147483647) * 4_102_444_800);
    out.push(new Date(seconds * 1000).toISOString().replace(/\.000Z$/, "+00:00"));
  }
  return out;
}

describe("toUtc", () => {
  it("answers as Date does for Akeneo's +00:00 form, on every day of the month", () => {
    const dates = akeneoDates(5000);
    expect(dates.some((d) => /-(29|30|31)T/.test(d))).toBe(true);
    for (const date of dates) expect(toUtc(date)).toBe(throughDate(date));
  });

  it.each([
    ["2016-06-23T16:24:44+00:00", "2016-06-23T16:24:44Z"],
    ["2016-06-23T18:24:44+02:00", "2016-06-23T16:24:44Z"],
    ["2016-02-30T10:00:00+00:00", "2016-03-01T10:00:00Z"],
    ["2015-02-29T00:00:00+00:00", "2015-03-01T00:00:00Z"],
    ["2016-12-31T23:59:59+00:00", "2016-12-31T23:59:59Z"],
    ["2016-06-23T16:24:44.250+00:00", "2016-06-23T16:24:44.250Z"],
    ["2016-06-23T16:24:44Z", "2016-06-23T16:24:44Z"],
    ["2016-06-23", "2016-06-23T00:00:00Z"],
  ])("%s → %s (as Date gives)", (date, expected) => {
    expect(toUtc(date)).toBe(expected);
    expect(throughDate(date)).toBe(expected);
  });

  it.each(["2016-13-01T00:00:00+00:00", "2016-06-23T24:00:01+00:00", "2016-06-23T16:60:00+00:00", "yesterday"])("rejects %s as Date does", (date) => {
    expect(() => toUtc(date)).toThrow(/is not a date/);
  });

  it("keeps null for nothing", () => {
    expect(toUtc(null)).toBeNull();
    expect(toUtc(undefined)).toBeNull();
    expect(toUtc("")).toBeNull();
  });
});
