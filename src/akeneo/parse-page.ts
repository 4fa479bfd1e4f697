/**
 * Page envelopes, parsed with zod at the boundary (NOTES §3): `{_links: {next?}, _embedded: {items}}`.
 * Also accepted: `_embedded._items` (the asset examples of the spec) and plain arrays (endpoints that return
 * every item at once, without pagination).
 */
import { z } from "zod";
import { ConnectorError } from "../errors.js";
import { parseJsonText } from "../http/parse-response.js";
import type { AkeneoRecord, PageBody } from "./akeneo-client.js";

// Items are checked to be objects and passed on as they are (z.record would copy each one, key by key).
const item = z.custom<AkeneoRecord>((value) => typeof value === "object" && value !== null && !Array.isArray(value));

const envelope = z.object({
  _links: z.object({ next: z.object({ href: z.string().min(1) }).optional() }),
  _embedded: z.object({ items: z.array(item).optional(), _items: z.array(item).optional() }).optional(),
});

/** Items and the raw next href of one list response. Throws `RESPONSE_INVALID` for anything else. */
export function parsePage(body: unknown, where: string): { items: AkeneoRecord[]; nextHref?: string } {
  const plain = z.array(item).safeParse(body);
  if (plain.success) return { items: plain.data };
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    throw new ConnectorError(`[akeneo] ${where}: the response is not an Akeneo page (expected _links and _embedded.items)`, {
      code: "RESPONSE_INVALID",
      kind: "bug",
    });
  }
  const { _links, _embedded } = parsed.data;
  const items = _embedded?.items ?? _embedded?._items ?? [];
  return _links.next ? { items, nextHref: _links.next.href } : { items };
}

/** Where a list response came from, for `parsePage`'s error. */
function pageSource(label: { what: string; path: string }): string {
  return `${label.what}: GET ${label.path.split("?")[0]}`;
}

/** `parsePage` of a response's body: what the default decoder does, and a worker thread's decoder too. */
export function decodePageBody(page: PageBody): { items: AkeneoRecord[]; nextHref?: string } {
  const text = Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength).toString("utf8");
  return parsePage(parseJsonText(text, page, page.label), pageSource(page.label));
}

// One `"name": {"href": "..."}` entry of a leading `_links` object, then `,` or its closing `}`.
const LINK_ENTRY = /\s*"((?:[^"\\]|\\.)*)"\s*:\s*\{\s*"href"\s*:\s*"((?:[^"\\]|\\.)*)"\s*\}\s*([,}])/y;

/**
 * The leading `_links` object of a list response's text (or of its start), read without parsing the
 * rest (Akeneo writes `_links` first): `{next}` once the object is complete (`{}` on a last page),
 * undefined while it is not (the text is cut short, or does not start that way, or its `_links` holds
 * anything but `{href}` entries). A hint only: the caller checks it against the parsed page.
 */
export function peekLinks(text: string): { next?: string } | undefined {
  const open = /^\s*\{\s*"_links"\s*:\s*\{/.exec(text);
  if (!open) return undefined;
  let next: string | undefined;
  LINK_ENTRY.lastIndex = open[0].length;
  for (;;) {
    const entry = LINK_ENTRY.exec(text);
    if (!entry) return undefined;
    if (entry[1] === "next") next = JSON.parse(`"${entry[2]}"`) as string;
    if (entry[3] === "}") return next === undefined ? {} : { next };
  }
}
