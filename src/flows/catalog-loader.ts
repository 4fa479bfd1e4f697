/**
 * The mapping catalog of a subscription, read from Akeneo once and cached: every attribute (one
 * list walk), and the option labels of a select attribute the first time a mapping asks for them.
 * Reference data is cached for the subscription's life (USERS.md #6: never fetch it per record).
 */
import type { AkeneoClient } from "../akeneo/akeneo-client.js";
import { getEntityDefinition } from "../manifest/entity-definitions.js";
import { createMappingCatalog } from "../mapping/create-mapping-catalog.js";
import type { MappingCatalog } from "../mapping/mapping-types.js";

export function createCatalogLoader(client: AkeneoClient, baseUrl: string, signal?: AbortSignal): () => Promise<MappingCatalog> {
  let pending: Promise<MappingCatalog> | undefined;
  const attributesDef = getEntityDefinition("attributes");
  const optionsDef = getEntityDefinition("attribute_options");
  const optionLabels = async (attribute: string) => {
    const labels: Record<string, Record<string, string>> = {};
    const params = { pathParams: { [optionsDef.parent!.pathParam]: attribute }, pageSize: 100, ...(signal ? { signal } : {}) };
    for await (const option of client.iterate(optionsDef, params)) {
      if (typeof option["code"] === "string") labels[option["code"]] = (option["labels"] as Record<string, string> | undefined) ?? {};
    }
    return labels;
  };
  const load = async (): Promise<MappingCatalog> => {
    const attributes: Record<string, unknown>[] = [];
    for await (const attribute of client.iterate(attributesDef, { pageSize: 100, ...(signal ? { signal } : {}) })) attributes.push(attribute);
    return createMappingCatalog({ attributes, optionLabels, baseUrl });
  };
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
