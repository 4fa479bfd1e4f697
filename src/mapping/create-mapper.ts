/**
 * A mapper: one compiled mapping bound to a subscription's settings, catalog and lookups. Each
 * record is evaluated with its own bindings (`$settings`, the helpers' context, the start time), so
 * records may be mapped concurrently; guardrails stop a runaway expression for that record only.
 */
import { systemClock, type Clock } from "../clock.js";
import type { CompiledMapping } from "./compile-mapping.js";
import { FALLBACK, type FastPath } from "./fast-path.js";
import { CONTEXT_BINDING, createMappingContext, type MappingContext } from "./mapping-context.js";
import { evaluationError, inputError, labelLoadError, outputError } from "./mapping-errors.js";
import { mappingRecordKey } from "./mapping-record-key.js";
import { resolveMappingSettings } from "./mapping-settings.js";
import type { LookupTables, Mapper, MapperSpec, MappingCatalog, MappingLimits, MappingSettings, MapResult } from "./mapping-types.js";
import { STARTED_AT_BINDING } from "./register-helpers.js";
import { getRecordValidator, outputSchemaPath } from "./schema-validators.js";
import { isObject } from "./value-data.js";

export interface CreateMapperOptions {
  compiled: CompiledMapping;
  /** The subscription's settings; missing fields get their defaults (`resolveMappingSettings`). */
  settings?: Partial<MappingSettings>;
  catalog: MappingCatalog;
  /** Tables for `$lookup(table, key, default)`. Default: none. */
  lookups?: LookupTables;
  /** Guardrails per record. Default: the compiled mapping's (1000 ms, depth 500). */
  limits?: Partial<MappingLimits>;
  /** Source of `$now()`/`$millis()`. Default `systemClock`. */
  clock?: Clock;
  /** Check push inputs and every output against their schemas. Default true; false only for benchmarks. */
  validate?: boolean;
  /** Use the synchronous evaluator for mappings of the simple shape (fast-path.ts). Default true; false forces jsonata. */
  fastPath?: boolean;
}

const SELECT_TYPES = new Set(["pim_catalog_simpleselect", "pim_catalog_multiselect"]);

/** Bind `compiled` to a subscription. Never throws per record: failures come back as `{ok: false}`. */
export function createMapper(options: CreateMapperOptions): Mapper {
  const { compiled } = options;
  const settings = resolveMappingSettings(options.settings);
  const expression = compiled.expressionFor({ ...compiled.limits, ...options.limits });
  const ctx = createMappingContext(settings, options.catalog, options.lookups ?? {});
  const clock = options.clock ?? systemClock;
  const check = options.validate !== false;
  const output = getRecordValidator(outputSchemaPath(compiled.definition, compiled.direction));
  const input = compiled.direction === "push" ? getRecordValidator(compiled.definition.canonicalSchema, { partial: true }) : undefined;
  let fast: FastPath | undefined | null = options.fastPath === false ? undefined : null; // null: not loaded yet

  const spec = portableSpec(options, settings);
  return {
    ...(spec ? { spec } : {}),
    async map(record: object): Promise<MapResult> {
      const key = mappingRecordKey(compiled.definition, compiled.direction, record);
      if (check && input) {
        const issues = input.validate(record);
        if (issues.length > 0) return { ok: false, key, error: inputError(compiled, key, input.schemaPath, issues) };
      }
      const prefetch = prefetchLabels(ctx, compiled, record);
      if (prefetch) {
        try {
          await prefetch;
        } catch (error) {
          return { ok: false, key, error: labelLoadError(compiled, key, error) };
        }
      }
      if (fast === null) fast = await compiled.fastPath();
      const bindings = { settings, [CONTEXT_BINDING]: ctx, [STARTED_AT_BINDING]: clock.now() };
      let value: unknown = fast ? fast(record, bindings) : FALLBACK;
      if (value === FALLBACK) {
        try {
          value = await expression.evaluate(record, bindings);
        } catch (error) {
          return { ok: false, key, error: evaluationError(compiled, key, error) };
        }
      }
      if (!isObject(value)) {
        const got = value === undefined ? "nothing" : Array.isArray(value) ? "an array" : typeof value;
        return { ok: false, key, error: outputError(compiled, key, output.schemaPath, [{ path: "", message: `must be an object, the mapping produced ${got}` }]) };
      }
      const issues = check ? output.validate(value) : [];
      if (issues.length > 0) return { ok: false, key, error: outputError(compiled, key, output.schemaPath, issues) };
      return { ok: true, key, value };
    },
  };
}

/** The mapper as plain data, unless it needs its caller: option labels (loaded through the caller's client), a custom clock, a catalog not built from data. */
function portableSpec(options: CreateMapperOptions, settings: MappingSettings): MapperSpec | undefined {
  const { compiled, catalog } = options;
  const uses = compiled.optionLabelUses;
  if (uses.attributes.size > 0 || uses.dynamic || !catalog.snapshot || (options.clock !== undefined && options.clock !== systemClock)) return undefined;
  return {
    entity: compiled.entity,
    direction: compiled.direction,
    origin: compiled.origin,
    text: compiled.text,
    compiledLimits: compiled.limits,
    ...(options.limits ? { limits: options.limits } : {}),
    settings,
    catalog: catalog.snapshot,
    lookups: options.lookups ?? {},
    validate: options.validate !== false,
    fastPath: options.fastPath !== false,
  };
}

/**
 * Load, before the evaluation starts (so the timeout does not count it), the option labels the
 * mapping asks for: the literal attributes, plus the record's select attributes when a call's
 * attribute is computed. Undefined when nothing is missing.
 */
function prefetchLabels(ctx: MappingContext, compiled: CompiledMapping, record: object): Promise<void> | undefined {
  const uses = compiled.optionLabelUses;
  if (uses.attributes.size === 0 && !uses.dynamic) return undefined;
  const wanted = [...uses.attributes];
  if (uses.dynamic) {
    const holder = (record as Record<string, unknown>)[compiled.direction === "pull" ? "values" : "attributes"];
    if (isObject(holder)) {
      for (const code of Object.keys(holder)) if (SELECT_TYPES.has(ctx.catalog.attributes.get(code)?.type ?? "")) wanted.push(code);
    }
  }
  return ctx.labels.prefetch(wanted);
}
