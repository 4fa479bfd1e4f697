#!/usr/bin/env node
// `npm run bench -- [name...]`: runs bench/<name>.mjs for each name given, or every bench/*.mjs
// when none is, each in its own process, after `npm run build` (benchmarks import dist/).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here).filter((f) => f.endsWith(".mjs") && f !== "run.mjs").map((f) => f.slice(0, -4)).sort();
const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const chosen = names.length > 0 ? names : available;
let failed = 0;
for (const name of chosen) {
  const file = join(here, `${name}.mjs`);
  if (!existsSync(file)) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(", ") || "(none)"}`);
    process.exit(2);
  }
  console.log(`# ${name}`);
  const { status } = spawnSync(process.execPath, [file], { stdio: "inherit" });
  if (status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
