/**
 * Records kept sorted by a string key, so a `search_after` cursor is a binary search and a page
 * costs O(log n + page size + skipped items), however large the catalog.
 */
export class SortedIndex<T> {
  private keys: string[] = [];
  private readonly byKey = new Map<string, T>();

  /** Build from unsorted records. */
  constructor(records: Iterable<T>, private readonly keyOf: (record: T) => string) {
    for (const record of records) this.byKey.set(keyOf(record), record);
    this.keys = [...this.byKey.keys()].sort(compareKeys);
  }

  get size(): number {
    return this.keys.length;
  }

  get(key: string): T | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The record at sorted position `index`. */
  at(index: number): T | undefined {
    const key = this.keys[index];
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** Position of the first key strictly greater than `key`. */
  indexAfter(key: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareKeys(this.keys[mid] as string, key) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Insert or replace a record, keeping the order. */
  set(record: T): void {
    const key = this.keyOf(record);
    if (!this.byKey.has(key)) this.keys.splice(this.indexAfter(key), 0, key);
    this.byKey.set(key, record);
  }

  /** Remove a record by key; false when it was not there. */
  delete(key: string): boolean {
    if (!this.byKey.delete(key)) return false;
    const index = this.indexAfter(key) - 1;
    if (this.keys[index] === key) this.keys.splice(index, 1);
    return true;
  }

  /** Every record in key order. */
  *values(): IterableIterator<T> {
    for (const key of this.keys) yield this.byKey.get(key) as T;
  }
}

/** Plain code-unit order (what a keyword sort in Elasticsearch does). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
