/**
 * Date filter values. Products and product models take `YYYY-MM-DD hh:mm:ss` (read as UTC); other
 * resources take ISO 8601 with a zone. The wrong format is a 422, as in Akeneo.
 */
import { httpError, phpType } from "../http/akeneo-error.js";

const AKENEO_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** `YYYY-MM-DD hh:mm:ss` → epoch seconds (UTC), or 422 naming the property. */
export function parseAkeneoDateTime(field: string, value: unknown): number {
  const match = typeof value === "string" ? AKENEO_DATETIME.exec(value) : null;
  const seconds = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!) / 1000 : Number.NaN;
  if (!match || Number.isNaN(seconds) || new Date(seconds * 1000).getUTCDate() !== +match[3]!) {
    throw httpError(422, `Property "${field}" expects a string with the format "yyyy-mm-dd H:i:s" as data, "${display(value)}" given.`);
  }
  return seconds;
}

/** ISO 8601 with a timezone → epoch seconds, or 422. */
export function parseIsoDateTime(field: string, value: unknown): number {
  const ms = typeof value === "string" && ISO_WITH_ZONE.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw httpError(422, `Property "${field}" expects a string with the format "yyyy-mm-ddTH:i:sP" (ISO 8601 with a timezone) as data, "${display(value)}" given.`);
  }
  return Math.floor(ms / 1000);
}

/** The two dates of a BETWEEN / NOT BETWEEN filter. */
export function parseDateRange(field: string, value: unknown, parse: (field: string, value: unknown) => number): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw httpError(422, `Property "${field}" expects an array with valid data, should contain 2 strings with the format "yyyy-mm-dd H:i:s".`);
  }
  return [parse(field, value[0]), parse(field, value[1])];
}

/** Start of the UTC day containing `seconds`. */
export function dayStart(seconds: number): number {
  return Math.floor(seconds / 86400) * 86400;
}

const display = (value: unknown) => (typeof value === "string" ? value : phpType(value));
