/**
 * Sample input for `akeneo-connector map`: NDJSON (one record per line) or one JSON document
 * (a record, an array of records, or an Akeneo list page whose `_embedded.items` are the records).
 * A line that is not a JSON object is reported with its number, and the other lines still count.
 */
import { isObject } from "./value-data.js";

/** One input record, or why its line could not be read. `position` is the line (NDJSON) or the item number (1-based). */
export type ParsedRecord = { position: number; record: Record<string, unknown> } | { position: number; error: string };

/** Every record of `text`, in order, or why its line or item is not one. */
export function parseRecords(text: string): ParsedRecord[] {
  if (text.trim() === "") return [];
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return parseLines(text);
  }
  const items = isObject(document) && isObject(document["_embedded"]) && Array.isArray(document["_embedded"]["items"])
    ? (document["_embedded"]["items"] as unknown[])
    : Array.isArray(document) ? document : [document];
  return items.map((item, i) => toParsed(item, i + 1));
}

function parseLines(text: string): ParsedRecord[] {
  const out: ParsedRecord[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      out.push(toParsed(JSON.parse(line), i + 1));
    } catch (error) {
      out.push({ position: i + 1, error: `line ${i + 1} is not valid JSON: ${(error as Error).message}` });
    }
  });
  return out;
}

function toParsed(item: unknown, position: number): ParsedRecord {
  return isObject(item) ? { position, record: item } : { position, error: `record ${position} is not a JSON object` };
}
