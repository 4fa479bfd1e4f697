/**
 * What `akeneo-connector map` runs: compile a mapping (the default or a file), pick a catalog (the
 * given one, or one guessed from the records), and map every record. Throws only for a mapping that
 * cannot start (MAPPING_SYNTAX and other config errors); each record's failure is in its result.
 */
import { catalogFromJson } from "./catalog-from-json.js";
import { compileMapping } from "./compile-mapping.js";
import { createMapper } from "./create-mapper.js";
import { deriveCatalog } from "./derive-catalog.js";
import { resolveMappingSettings } from "./mapping-settings.js";
import type { LookupTables, MapResult, MappingDirection, MappingSettings } from "./mapping-types.js";

export interface MapSampleOptions {
  entity: string;
  direction: MappingDirection;
  /** A mapping file to try instead of the default, relative to `baseDir`. */
  mappingFile?: string;
  baseDir?: string;
  records: readonly Record<string, unknown>[];
  /** The parsed `--catalog` file; without it the catalog is guessed from `records`. */
  catalog?: unknown;
  settings?: Partial<MappingSettings>;
  lookups?: LookupTables;
}

/** Map `records` (concurrently); the results are in input order. */
export async function mapSample(options: MapSampleOptions): Promise<MapResult[]> {
  const compiled = compileMapping({
    entity: options.entity,
    direction: options.direction,
    ...(options.mappingFile === undefined ? {} : { source: { file: options.mappingFile } }),
    ...(options.baseDir === undefined ? {} : { baseDir: options.baseDir }),
  });
  const settings = resolveMappingSettings(options.settings);
  const catalog = options.catalog === undefined ? deriveCatalog(options.records, options.direction, settings) : catalogFromJson(options.catalog);
  const mapper = createMapper({ compiled, settings, catalog, lookups: options.lookups ?? {} });
  return Promise.all(options.records.map((record) => mapper.map(record)));
}
