/** Options of `diffRecords`. */
export interface DiffOptions {
  /** Top-level fields left out of the comparison (e.g. `updated`). */
  ignore?: readonly string[];
  /** Most differences returned. Default 10. */
  limit?: number;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * Deep differences between two JSON records, as JSON pointers. Leaves compare as Akeneo compares
 * them: a decimal is the same number whatever its notation (`"5.0"` = `"5"` = `"5.0000"`, Akeneo
 * formats decimals itself), anything else must be identical.
 */
export function diffRecords(before: unknown, after: unknown, options: DiffOptions = {}): string[] {
  const out: string[] = [];
  const limit = options.limit ?? 10;
  const ignore = new Set(options.ignore ?? []);
  const walk = (a: unknown, b: unknown, path: string, top: boolean): void => {
    if (out.length >= limit) return;
    if (isRecord(a) && isRecord(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!(top && ignore.has(key))) walk(a[key], b[key], `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, false);
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((item, i) => walk(item, b[i], `${path}/${i}`, false));
      return;
    }
    if (!sameLeaf(a, b)) out.push(path || "/");
  };
  walk(before, after, "", true);
  return out;
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  const x = typeof a === "string" && NUMERIC.test(a) ? Number(a) : a;
  const y = typeof b === "string" && NUMERIC.test(b) ? Number(b) : b;
  return typeof x === "number" && typeof y === "number" && x === y;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
