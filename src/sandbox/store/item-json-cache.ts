/**
 * Serialized list items, cached the way a real PIM serves pre-indexed documents: a product page
 * is then a concatenation of strings instead of value generation + JSON.stringify per item, so the
 * single-threaded sandbox is never the bottleneck of a client's concurrency. Any write (any
 * non-GET request) invalidates everything, so a cached item is never stale.
 */
const MAX_BYTES = 384 * 1024 * 1024;

export class ItemJsonCache {
  private entries = new Map<string, string>();
  private bytes = 0;

  /** The JSON of the item under `key`, built (and cached while there is room) on a miss. */
  get(key: string, build: () => unknown): string {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const json = JSON.stringify(build());
    if (this.bytes + json.length <= MAX_BYTES) {
      this.entries.set(key, json);
      this.bytes += json.length;
    }
    return json;
  }

  /** Forget everything (called before every write). */
  clear(): void {
    if (this.entries.size === 0) return;
    this.entries = new Map();
    this.bytes = 0;
  }
}
