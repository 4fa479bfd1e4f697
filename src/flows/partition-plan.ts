/**
 * Splitting one large pull into `updated` ranges that can be read concurrently.
 *
 * A search_after cursor is sequential, so a single cursor is bound to one request at a time. We
 * read the first page of the whole range; its items are sorted by the primary key (uuid or code),
 * which is unrelated to `updated`, so they are a random sample of the range's `updated` values.
 * The sample's quantiles give range boundaries that hold roughly equal numbers of records, even
 * when the catalog's timestamps are clustered (bulk imports).
 *
 * Ranges are inclusive whole seconds, disjoint and contiguous: their union is exactly
 * [lower, upper], which is what makes the partitioned pull exact.
 */

export interface TimeRange {
  /** Inclusive lower bound, epoch seconds. */
  from: number;
  /** Inclusive upper bound, epoch seconds. */
  to: number;
}

/**
 * Up to `count` contiguous ranges covering [lower, upper], cut at the quantiles of `sample`
 * (epoch seconds). Fewer ranges come back when the sample has fewer distinct seconds.
 */
export function planPartitions(sample: readonly number[], lower: number, upper: number, count: number): TimeRange[] {
  if (upper < lower) return [];
  const inside = sample.filter((t) => t > lower && t <= upper).sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let i = 1; i < count && inside.length > 0; i++) {
    const cut = inside[Math.min(inside.length - 1, Math.floor((i * inside.length) / count))]!;
    if (cut > lower && cut <= upper && cut !== cuts[cuts.length - 1]) cuts.push(cut);
  }
  const ranges: TimeRange[] = [];
  let from = lower;
  for (const cut of cuts) {
    ranges.push({ from, to: cut - 1 });
    from = cut;
  }
  ranges.push({ from, to: upper });
  return ranges;
}
