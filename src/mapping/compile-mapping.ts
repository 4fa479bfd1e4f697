/**
 * Compiles a mapping once per run: reads its text (the entity's default in mappings/, a file
 * override, or an inline expression), parses it, and registers the helper library. A syntax error
 * throws `MappingSyntaxError` (MAPPING_SYNTAX, kind config) with the file, line, column and token.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import jsonata from "jsonata";
import { ConnectorError } from "../errors.js";
import { getEntityDefinition, type EntityDefinition } from "../manifest/entity-definitions.js";
import { packagePath, packageRoot } from "../package-root.js";
import { jsonataErrorPosition, MappingSyntaxError } from "./mapping-syntax-error.js";
import { DEFAULT_MAPPING_LIMITS } from "./mapping-settings.js";
import type { MappingDirection, MappingLimits, MappingSource } from "./mapping-types.js";
import { collectOptionLabelUses, type OptionLabelUses } from "./option-label-uses.js";
import { compileFastPath, type FastPath } from "./fast-path.js";
import { loadHelperObjects, registerHelpers } from "./register-helpers.js";

export interface CompileMappingOptions {
  /** Entity name as in connector/ (e.g. `products`). */
  entity: string;
  direction: MappingDirection;
  /** Override of the default mapping; a relative `file` is resolved against `baseDir`. */
  source?: MappingSource;
  /** Directory of the subscription config, for relative override files. Default: the working directory. */
  baseDir?: string;
  /** Guardrails compiled into the expression. Default `DEFAULT_MAPPING_LIMITS`; a mapper may ask for others. */
  limits?: Partial<MappingLimits>;
  /** The text, already read elsewhere (a mapper rebuilt in a worker thread): `source` and `baseDir` are then ignored. */
  loaded?: { origin: string; text: string };
}

export interface CompiledMapping {
  readonly entity: string;
  readonly direction: MappingDirection;
  readonly definition: EntityDefinition;
  /** Where the text came from: a path (relative to the package for defaults), or `<inline>`. */
  readonly origin: string;
  readonly text: string;
  readonly limits: MappingLimits;
  readonly optionLabelUses: OptionLabelUses;
  /** The parsed expression with helpers registered, for `limits` (other limits are compiled once and memoized). */
  expressionFor(limits: MappingLimits): jsonata.Expression;
  /** The synchronous evaluator of the mapping when it has the supported shape (see fast-path.ts), else undefined. */
  fastPath(): Promise<FastPath | undefined>;
}

/** Compile the mapping of `entity` in `direction`; throws MAPPING_SYNTAX, CONFIG_INVALID or CONFIG_NOT_FOUND. */
export function compileMapping(options: CompileMappingOptions): CompiledMapping {
  const definition = getEntityDefinition(options.entity);
  if (!definition.directions.includes(options.direction)) {
    throw new ConnectorError(`[mapping] entity "${options.entity}" has no ${options.direction} direction`, { code: "CONFIG_INVALID", kind: "config" });
  }
  const { origin, text } = options.loaded ?? readSource(definition, options);
  const limits = { ...DEFAULT_MAPPING_LIMITS, ...options.limits };
  const first = parse(text, origin, limits);
  const expressions = new Map<string, jsonata.Expression>([[limitsKey(limits), first]]);
  let fast: Promise<FastPath | undefined> | undefined;
  return {
    entity: options.entity,
    direction: options.direction,
    definition,
    origin,
    text,
    limits,
    optionLabelUses: collectOptionLabelUses(first.ast()),
    expressionFor(wanted) {
      const key = limitsKey(wanted);
      let expression = expressions.get(key);
      if (!expression) expressions.set(key, (expression = parse(text, origin, wanted)));
      return expression;
    },
    fastPath: () => (fast ??= loadHelperObjects().then((helpers) => compileFastPath(first.ast(), helpers))),
  };
}

function limitsKey(limits: MappingLimits): string {
  return `${limits.timeoutMs}/${limits.maxDepth}`;
}

function parse(text: string, origin: string, limits: MappingLimits): jsonata.Expression {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(text, { timeout: limits.timeoutMs, stack: limits.maxDepth });
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; position?: unknown; token?: unknown };
    if (typeof e.code !== "string") throw error;
    const { line, column } = jsonataErrorPosition(text, e.position, e.token);
    const token = typeof e.token === "string" ? e.token : undefined;
    throw new MappingSyntaxError(String(e.message), { origin, line, column, token, jsonataCode: e.code });
  }
  registerHelpers(expression);
  return expression;
}

function readSource(definition: EntityDefinition, options: CompileMappingOptions): { origin: string; text: string } {
  const source = options.source;
  if (source && "expression" in source) return { origin: "<inline>", text: source.expression };
  const relative = source?.file ?? definition.mappings?.[options.direction];
  if (!relative) {
    throw new ConnectorError(`[mapping] entity "${options.entity}" has no default ${options.direction} mapping`, { code: "CONFIG_INVALID", kind: "config" });
  }
  const path = source ? (isAbsolute(relative) ? relative : resolve(options.baseDir ?? process.cwd(), relative)) : packagePath(relative);
  try {
    return { origin: source ? path : path.slice(packageRoot().length + 1), text: readFileSync(path, "utf8") };
  } catch (error) {
    throw new ConnectorError(`[mapping] cannot read the ${options.entity} ${options.direction} mapping ${path}: ${(error as Error).message}`, {
      code: "CONFIG_NOT_FOUND",
      kind: "config",
      cause: error,
    });
  }
}
