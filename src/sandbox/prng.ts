/**
 * A small seeded pseudo-random generator (mulberry32). Everything the sandbox generates or decides
 * at random goes through one of these, so the same seed always gives the same catalog and the same
 * sequence of injected faults.
 */

/** A seeded random source. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements of `items` (or all of them when there are fewer), in their original order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A random RFC 4122 version-4 UUID string (lowercase). */
  uuid(): string;
}

/** Mix two integers into a well-spread 32-bit seed (for per-item generators). */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Create a generator from a 32-bit seed. */
export function createPrng(seed: number): Prng {
  let state = mixSeed(seed >>> 0, 0x5eed) || 1;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    sample: <T>(items: readonly T[], count: number): T[] => {
      // Callers pick a few (1 to 3) per value generated: a list kept in order as it grows is much
      // cheaper than a Set and a sort (which allocates a work area on every call).
      const chosen: number[] = [];
      const wanted = Math.min(count, items.length);
      while (chosen.length < wanted) {
        const index = Math.floor(next() * items.length);
        let at = chosen.length;
        while (at > 0 && chosen[at - 1]! > index) at--;
        if (at > 0 && chosen[at - 1] === index) continue;
        chosen.push(index);
        for (let i = chosen.length - 1; i > at; i--) chosen[i] = chosen[i - 1]!;
        chosen[at] = index;
      }
      return chosen.map((i) => items[i] as T);
    },
    uuid: () => {
      const bytes = Array.from({ length: 16 }, () => Math.floor(next() * 256));
      bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
      bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
      const hex = bytes.map((b) => HEX[b]).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
