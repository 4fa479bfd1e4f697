/**
 * The file-backed state store: one JSON file per key in a directory. Writes are atomic: the value
 * goes to a temporary file in the same directory, is fsynced, renamed over the old file, and the
 * directory is fsynced, so a crash leaves either the old or the new state, never a torn file.
 * Files are created with mode 0600 (they may hold App tokens).
 */
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { ConnectorError } from "../errors.js";
import type { StateStore } from "./state-store.js";

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function fileFor(dir: string, key: string): string {
  if (!SAFE_KEY.test(key)) {
    throw new ConnectorError(`[state] invalid state key "${key}": use letters, digits, '.', '_' and '-'`, { code: "STATE_INVALID", kind: "bug" });
  }
  return join(dir, `${key}.json`);
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A store keeping each key in `<dir>/<key>.json`; the directory is created on first write. */
export function createFileStateStore(dir: string): StateStore {
  // Writes to one key are serialised so that a later value never loses a race to an earlier one.
  const pending = new Map<string, Promise<void>>();

  async function write(key: string, value: unknown): Promise<void> {
    const target = fileFor(dir, key);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = join(dir, `.${key}.${randomBytes(6).toString("hex")}.tmp`);
    const handle = await open(temp, "w", 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await fsyncPath(dir).catch(() => undefined); // not every platform can fsync a directory
  }

  return {
    async get<T>(key: string): Promise<T | undefined> {
      const target = fileFor(dir, key);
      let raw: string;
      try {
        raw = await readFile(target, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
      try {
        return JSON.parse(raw) as T;
      } catch {
        throw new ConnectorError(`[state] ${target} is not valid JSON; delete it to start this entity from scratch`, {
          code: "STATE_INVALID",
          kind: "config",
        });
      }
    },
    set(key, value) {
      const previous = pending.get(key) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => write(key, value));
      pending.set(key, next);
      return next.finally(() => {
        if (pending.get(key) === next) pending.delete(key);
      });
    },
    async delete(key) {
      await rm(fileFor(dir, key), { force: true });
    },
  };
}
