#!/usr/bin/env node
// Precompiles the ajv validators the connector compiles at run time (the manifest and entity-definition
// schemas, the manifest's defaults check, record schemas of the mappings, the config schema of each
// auth mode) into dist/validators/<hash>.cjs, as ajv standalone code, so a run loads them instead of
// compiling them (src/compile-schema.ts). Runs after tsup in `npm run build`.
// The schemas are produced by the connector's own code (bundled in memory with esbuild), so they are
// exactly what a run would compile; a run that asks for any other schema compiles it itself.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import standalone from "ajv/dist/standalone/index.js";

const standaloneCode = standalone.default ?? standalone;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const entry = `
export { createAjv } from "./src/ajv.ts";
export { precompiledValidatorPath } from "./src/compile-schema.ts";
export { recordSchema } from "./src/mapping/schema-validators.ts";
export { buildConfigSchema } from "./src/manifest/build-config-schema.ts";
export { CONFIG_AJV_OPTIONS } from "./src/config/config-validator.ts";
export { manifestDefaultsSchema } from "./src/manifest/check-manifest-consistency.ts";
`;
const bundle = await build({
  stdin: { contents: entry, resolveDir: root, loader: "ts" },
  bundle: true,
  write: false,
  format: "esm",
  platform: "node",
  packages: "external",
  logLevel: "silent",
  // packagePath() walks up from the module's own location to find the package root.
  define: { "import.meta.url": JSON.stringify(pathToFileURL(join(root, "src", "gen-validators.ts")).href) },
});
const tmp = join(root, "dist", ".gen-validators.mjs");
writeFileSync(tmp, bundle.outputFiles[0].text);
const lib = await import(pathToFileURL(tmp).href).finally(() => rmSync(tmp));

const targets = ["manifest", "entity-definition"].map((name) => ({ schema: JSON.parse(readFileSync(join(root, "schemas", `${name}.schema.json`), "utf8")), options: {} }));
for (const dir of ["canonical", "akeneo"]) {
  for (const file of readdirSync(join(root, "schemas", dir)).filter((f) => f.endsWith(".schema.json")).sort()) {
    const path = `schemas/${dir}/${file}`;
    targets.push({ schema: lib.recordSchema(path), options: {} });
    if (dir === "canonical") targets.push({ schema: lib.recordSchema(path, { partial: true }), options: {} });
  }
}
const manifest = JSON.parse(readFileSync(join(root, "connector.manifest.json"), "utf8"));
targets.push({ schema: lib.manifestDefaultsSchema(manifest), options: {} });
for (const mode of manifest.authModes) targets.push({ schema: lib.buildConfigSchema(manifest, { authMode: mode.id }), options: lib.CONFIG_AJV_OPTIONS });

for (const { schema, options } of targets) {
  const ajv = lib.createAjv({ ...options, code: { source: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  const out = lib.precompiledValidatorPath(schema, options);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
}
console.log(`gen-validators: ${targets.length} validators precompiled into dist/validators/`);
