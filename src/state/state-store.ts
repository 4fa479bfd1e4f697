/**
 * Where a subscription keeps what must survive between runs: watermarks, pull checkpoints, App
 * tokens. A host may supply its own store (a database row, a platform key-value API); the
 * file-backed store is the default and the CLI's `--state DIR`.
 */
export interface StateStore {
  /** The value stored under `key`, or undefined. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** Store `value` (JSON-serialisable) under `key`, durably: once this resolves, a crash keeps it. */
  set(key: string, value: unknown): Promise<void>;
  /** Remove `key`; no error when it is absent. */
  delete(key: string): Promise<void>;
}

/** A store that lives as long as the process: the default when a host passes none. */
export function createMemoryStateStore(): StateStore {
  const values = new Map<string, string>();
  return {
    get: async <T>(key: string) => {
      const raw = values.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    set: async (key, value) => {
      values.set(key, JSON.stringify(value));
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}
