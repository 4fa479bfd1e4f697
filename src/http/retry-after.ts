/**
 * `Retry-After` is either a number of seconds or an HTTP date (RFC 9110 §10.2.3). Akeneo sends seconds;
 * proxies in front of it may send a date. The PHP client only understands seconds.
 */

/**
 * The delay a `Retry-After` header asks for, in ms from `nowMs` (epoch ms): `undefined` when the header
 * is absent or unreadable, 0 for a date in the past. Capped at `maxMs` (default 10 minutes).
 */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number, maxMs = 600_000): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.min(maxMs, Math.round(Number(raw) * 1000));
  if (!/[a-z]/i.test(raw)) return undefined;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.min(maxMs, Math.max(0, at - nowMs));
}
