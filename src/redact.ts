/**
 * Redaction used by every log line, error message and report. Two layers:
 * - known secret values (registered when a config is loaded or a token is received) are replaced
 *   wherever they appear in any string;
 * - well-known shapes (Bearer/Basic headers, `"password": "…"`, `client_secret=…`, tokens in
 *   query strings) are masked even when the value was never registered.
 * Keys that name a secret (`password`, `clientSecret`, `authorization`, `*token*` …) are masked in
 * objects whatever their value.
 */

export const REDACTED = "[REDACTED]";

/** Secret values registered in this process (min length 4, so "a" never blanks out text). */
const registeredSecrets = new Set<string>();

const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|password|pass|passwd|secret|client_?secret|refresh_?token|access_?token|id_?token|token|code_?identifier|api_?key)$/i;

const SHAPES: ReadonlyArray<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/("(?:password|pass|client_?secret|clientSecret|refresh_?token|refreshToken|access_?token|accessToken|id_?token|token|authorization|code_?identifier)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`],
  [/\b(password|client_?secret|refresh_?token|access_?token|id_?token|code_?identifier|token)=([^&\s"']+)/gi, `$1=${REDACTED}`],
  [/(\/\/[^/:@\s]+:)[^@/\s]+@/g, `$1${REDACTED}@`],
];

/** Remember a secret value so that it is masked wherever it later appears. */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== "string") return;
  const trimmed = value.trim();
  if (trimmed.length >= 4) registeredSecrets.add(trimmed);
}

/** Forget every registered secret (tests use this between cases). */
export function clearRegisteredSecrets(): void {
  registeredSecrets.clear();
}

/** True when a key names a value that must never be printed. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Mask registered secrets and secret-looking shapes in free text. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of registeredSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of SHAPES) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A deep copy of `value` that is safe to print: secret keys masked, every string redacted.
 * Cycles are cut and depth is bounded at 12 levels.
 */
export function redactValue<T>(value: T, depth = 0, seen = new WeakSet<object>()): T {
  if (typeof value === "string") return redactText(value) as T;
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value) || depth > 12) return "[…]" as T;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretKey(key) && inner !== null && inner !== undefined && inner !== "" ? REDACTED : redactValue(inner, depth + 1, seen);
  }
  return out as T;
}
