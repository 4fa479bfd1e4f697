/**
 * Where the package's data files live (connector/, schemas/, mappings/, the manifest). Found by
 * walking up from this module until the package.json named `akeneo-connector`, so the same code
 * works from `src/` (tests) and from the bundled `dist/`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string };
      if (pkg.name === "akeneo-connector") return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("[bug] cannot find the akeneo-connector package root");
    dir = parent;
  }
}

/** Absolute path of a file shipped with the package, e.g. `packagePath("mappings", "products.pull.jsonata")`. */
export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}
