/**
 * The declarative entity definitions in connector/: loaded once, validated against
 * schemas/entity-definition.schema.json, and resolved for a subscription's keying scheme.
 */
import { readdirSync, readFileSync } from "node:fs";
import { toValidationIssues } from "../ajv.js";
import { compileSchema } from "../compile-schema.js";
import { ConnectorError, ValidationError } from "../errors.js";
import { packagePath } from "../package-root.js";
import type { EntityDefinition } from "../types/entity-definition.generated.js";

export type { EntityDefinition };

let cache: ReadonlyMap<string, EntityDefinition> | undefined;

/** Every definition in connector/, keyed by entity name. Throws MANIFEST_INVALID on a bad file. */
export function loadEntityDefinitions(): ReadonlyMap<string, EntityDefinition> {
  if (cache) return cache;
  const schema = JSON.parse(readFileSync(packagePath("schemas", "entity-definition.schema.json"), "utf8"));
  const validate = compileSchema<EntityDefinition>(schema);
  const definitions = new Map<string, EntityDefinition>();
  for (const file of readdirSync(packagePath("connector")).filter((f) => f.endsWith(".json")).sort()) {
    const data: unknown = JSON.parse(readFileSync(packagePath("connector", file), "utf8"));
    if (!validate(data)) {
      throw new ValidationError(`[manifest] connector/${file} is not a valid entity definition`, {
        code: "MANIFEST_INVALID",
        kind: "bug",
        issues: toValidationIssues(validate.errors),
      });
    }
    if (`${data.name}.json` !== file) {
      throw new ConnectorError(`[manifest] connector/${file} declares name "${data.name}"; the file must be named ${data.name}.json`, {
        code: "MANIFEST_INVALID",
        kind: "bug",
      });
    }
    definitions.set(data.name, data);
  }
  cache = definitions;
  return definitions;
}

export interface ResolveOptions {
  /** products only: `uuid` (default) uses /products-uuid, `identifier` uses /products. */
  productIdFormat?: "uuid" | "identifier";
}

/**
 * The definition for `name`, with the keying variant the subscription chose applied
 * (key and paths replaced). Throws CONFIG_INVALID naming the known entities when unknown.
 */
export function getEntityDefinition(name: string, options: ResolveOptions = {}): EntityDefinition {
  const definitions = loadEntityDefinitions();
  const definition = definitions.get(name);
  if (!definition) {
    throw new ConnectorError(`[config] unknown entity "${name}"; known entities: ${[...definitions.keys()].join(", ")}`, {
      code: "CONFIG_INVALID",
      kind: "config",
    });
  }
  const variant = options.productIdFormat && options.productIdFormat !== "uuid" ? definition.variants?.[options.productIdFormat] : undefined;
  return variant ? { ...definition, key: variant.key, paths: variant.paths } : definition;
}
