/**
 * Everything a mapper's helpers read, built once per mapper and never mutated by an evaluation
 * (the option-label cache only fills). It reaches the helpers through the per-evaluation binding
 * `CONTEXT_BINDING`, so one compiled expression can serve several mappers at once.
 */
import { createMediaCodec } from "./media-codec.js";
import { createOptionLabelCache, type OptionLabelCache } from "./option-label-cache.js";
import type { CatalogAttribute, LookupTables, MappingCatalog, MappingSettings } from "./mapping-types.js";
import type { MediaCodec } from "./value-data.js";

/** Name of the binding that carries the context into an evaluation. */
export const CONTEXT_BINDING = "__mapping";

export interface MappingContext {
  readonly settings: MappingSettings;
  readonly catalog: MappingCatalog;
  readonly lookups: LookupTables;
  /** Code of the catalog's `pim_catalog_identifier` attribute, if it has one. */
  readonly identifierAttribute: string | undefined;
  /** Attributes that `$attributes` leaves out: the identifier, name, description and price attributes. */
  readonly reserved: ReadonlySet<string>;
  readonly labels: OptionLabelCache;
  readonly media: MediaCodec;
}

/** The context of one mapper: settings (resolved), catalog, lookups, the identifier attribute, caches. */
export function createMappingContext(settings: MappingSettings, catalog: MappingCatalog, lookups: LookupTables): MappingContext {
  const identifierAttribute = findIdentifierAttribute(catalog.attributes);
  const reserved = new Set([settings.nameAttribute, settings.descriptionAttribute, settings.priceAttribute]);
  if (identifierAttribute) reserved.add(identifierAttribute);
  return {
    settings,
    catalog,
    lookups,
    identifierAttribute,
    reserved,
    labels: createOptionLabelCache((attribute) => catalog.optionLabels(attribute)),
    media: createMediaCodec(catalog, settings),
  };
}

function findIdentifierAttribute(attributes: ReadonlyMap<string, CatalogAttribute>): string | undefined {
  for (const attribute of attributes.values()) if (attribute.type === "pim_catalog_identifier") return attribute.code;
  return undefined;
}
