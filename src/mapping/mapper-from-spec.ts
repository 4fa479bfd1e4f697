/** Rebuild a mapper from its plain-data description (`Mapper.spec`), e.g. in a worker thread. */
import { compileMapping } from "./compile-mapping.js";
import { createMapper } from "./create-mapper.js";
import { createMappingCatalog } from "./create-mapping-catalog.js";
import type { Mapper, MapperSpec } from "./mapping-types.js";

export function mapperFromSpec(spec: MapperSpec): Mapper {
  const compiled = compileMapping({
    entity: spec.entity,
    direction: spec.direction,
    limits: spec.compiledLimits,
    loaded: { origin: spec.origin, text: spec.text },
  });
  return createMapper({
    compiled,
    settings: spec.settings,
    catalog: createMappingCatalog({ attributes: spec.catalog.attributes as unknown as Array<Record<string, unknown>>, baseUrl: spec.catalog.baseUrl }),
    lookups: spec.lookups,
    ...(spec.limits ? { limits: spec.limits } : {}),
    validate: spec.validate,
    fastPath: spec.fastPath,
  });
}
