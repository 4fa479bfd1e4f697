import type { SubscriptionConfig } from "../config/subscription-config.js";
import { isConnectorError, type ConnectorError } from "../errors.js";
import { createSubscription, type SubscriptionOptions } from "../flows/subscription.js";
import { getEntityDefinition } from "../manifest/entity-definitions.js";
import { compileMapping } from "../mapping/compile-mapping.js";
import type { MappingFailure, OpenedSubscription } from "./verify-types.js";

/**
 * Open the subscription the checks run through. `createSubscription` compiles every mapping and
 * throws on a syntax error; verification still wants to prove the connection, so in that case the
 * subscription is opened with the default mappings (used only to reach the PIM: sample-pull reports
 * the broken override with its position and maps nothing) and the error is kept.
 */
export function openSubscription(config: SubscriptionConfig, options: SubscriptionOptions): OpenedSubscription {
  try {
    return { config, subscription: createSubscription(config, options) };
  } catch (error) {
    if (!isConnectorError(error) || error.kind !== "config" || Object.keys(config.mappings).length === 0) throw error;
    const subscription = createSubscription({ ...config, mappings: {} }, options);
    return { config, subscription, mappingError: locateMappingError(config, error) };
  }
}

/** Which override fails to compile (the first one, in config order). */
function locateMappingError(config: SubscriptionConfig, error: ConnectorError): MappingFailure {
  for (const entity of config.settings.entities) {
    for (const direction of getEntityDefinition(entity).directions) {
      const source = config.mappings[entity]?.[direction];
      if (!source) continue;
      try {
        compileMapping({ entity, direction, source });
      } catch (own) {
        if (isConnectorError(own)) return { error: own, entity, direction };
      }
    }
  }
  return { error };
}
