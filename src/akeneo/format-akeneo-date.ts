/**
 * Dates in search filters (NOTES §4, USERS.md #9): products and product models want `YYYY-MM-DD hh:mm:ss`
 * (space, no zone, read as UTC on SaaS); other resources want ISO 8601 with a zone (`2021-05-17T15:19:32Z`).
 * Always formatted from UTC components, whatever the process's time zone.
 */
import { ConnectorError } from "../errors.js";

/** The two date formats of Akeneo filters. */
export type AkeneoDateFormat = "akeneo-datetime" | "iso8601";

/** Format `date` (to the second, milliseconds dropped) the way `format` says. */
export function formatAkeneoDate(date: Date, format: AkeneoDateFormat): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ConnectorError(`[akeneo] invalid date in a search filter: ${String(date)}`, { code: "INTERNAL", kind: "bug" });
  }
  const iso = date.toISOString().slice(0, 19);
  return format === "akeneo-datetime" ? iso.replace("T", " ") : `${iso}Z`;
}
