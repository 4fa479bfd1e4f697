/**
 * Akeneo's record timestamps (`updated`, `created`) are ISO 8601 with an offset, e.g.
 * `2016-06-23T18:24:44+02:00`. The flows compare them in whole epoch seconds (UTC), the granularity
 * of Akeneo's date filters.
 */

/** Epoch seconds of an Akeneo timestamp, or undefined when absent or unreadable. */
export function toEpochSeconds(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Epoch seconds → Date (for filter builders). */
export function fromEpochSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}
