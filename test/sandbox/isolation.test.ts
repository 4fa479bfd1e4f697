/** The sandbox is part of the product but never of the runtime: nothing reachable from src/index.ts imports it. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const IMPORT = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      queue.push(resolve(dirname(file), (match[1] as string).replace(/\.js$/, ".ts")));
    }
  }
  return seen;
}

describe("sandbox isolation", () => {
  it("is not reachable from the runtime's entry point", () => {
    const files = [...reachable(resolve(SRC, "index.ts"))];
    expect(files.length).toBeGreaterThan(1);
    expect(files.filter((f) => f.startsWith(resolve(SRC, "sandbox")))).toEqual([]);
  });
});
