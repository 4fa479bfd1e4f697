/**
 * A code-keyed collection of structure entities (attributes, families, channels…) with the hidden
 * `updated` time Akeneo filters on, served in a fixed order (by code unless told otherwise).
 */
export class CodeCollection<T extends { code: string }> {
  private readonly items = new Map<string, T>();
  private readonly updatedAt = new Map<string, number>();
  private sortedCache: T[] | undefined;

  constructor(items: Iterable<T>, updated: (item: T, index: number) => number, private readonly order?: (items: T[]) => T[]) {
    let index = 0;
    for (const item of items) {
      this.items.set(item.code, item);
      this.updatedAt.set(item.code, updated(item, index++));
    }
  }

  get size(): number {
    return this.items.size;
  }

  get(code: string): T | undefined {
    return this.items.get(code);
  }

  has(code: string): boolean {
    return this.items.has(code);
  }

  /** When the entity last changed, epoch seconds. */
  updatedOf(code: string): number {
    return this.updatedAt.get(code) ?? 0;
  }

  /** Insert or replace an entity and stamp its `updated` time. */
  set(item: T, updatedSeconds: number): void {
    this.items.set(item.code, item);
    this.updatedAt.set(item.code, updatedSeconds);
    this.sortedCache = undefined;
  }

  /** Every entity in serving order (cached until the next write). */
  list(): readonly T[] {
    if (!this.sortedCache) {
      const all = [...this.items.values()];
      this.sortedCache = this.order ? this.order(all) : all.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    }
    return this.sortedCache;
  }
}
