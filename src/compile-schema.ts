/**
 * ajv validators, compiled at build time where possible. Compiling a large schema takes tens of
 * milliseconds (a canonical record schema 20–35 ms, the config schema over 100 ms), paid by every run
 * before its work starts. `npm run build` writes the schemas the connector compiles as ajv standalone
 * code (scripts/gen-validators.mjs → dist/validators/<hash>.cjs). A file is named after a hash of its
 * schema and ajv options, so a schema that differs from the build's has no file and is compiled here,
 * as it always was: a stale build can be slower, never wrong.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { Options } from "ajv";
import { createAjv, type ValidateFunction } from "./ajv.js";
import { packagePath } from "./package-root.js";

const load = createRequire(import.meta.url);

/** Where the build puts the standalone code of `schema` compiled with `options` (the file may not exist). */
export function precompiledValidatorPath(schema: unknown, options: Options = {}): string {
  const hash = createHash("sha256").update(JSON.stringify([schema, options])).digest("hex").slice(0, 24);
  return packagePath(...PRECOMPILED_DIR, `${hash}.cjs`);
}

/** The build's standalone validators, under the package root. */
export const PRECOMPILED_DIR = ["dist", "validators"] as const;

/** `createAjv(options).compile(schema)`, or the same validator as the build compiled it. */
export function compileSchema<T = unknown>(schema: object, options: Options = {}): ValidateFunction<T> {
  const file = precompiledValidatorPath(schema, options);
  if (existsSync(file)) return load(file) as ValidateFunction<T>;
  return createAjv(options).compile<T>(schema);
}
