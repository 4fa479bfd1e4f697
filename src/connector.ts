/**
 * The connector as a host sees it (DESIGN.md): load it once, render its form, turn stored
 * configuration into subscriptions, and run them.
 *
 *   const connector = await loadConnector();
 *   const sub = connector.subscription(configFromPlatform, { state, logger, signal });
 *   for await (const batch of sub.pull("products")) await platform.upsert(batch.records);
 */
import { parseConfig, type ParseConfigOptions } from "./config/parse-config.js";
import type { SubscriptionConfig } from "./config/subscription-config.js";
import { createSubscription, type Subscription, type SubscriptionOptions } from "./flows/subscription.js";
import type { ConfigSchemaOptions } from "./manifest/build-config-schema.js";
import { buildForm, type Form } from "./manifest/build-form.js";
import { loadEntityDefinitions, type EntityDefinition } from "./manifest/entity-definitions.js";
import { loadManifest, type ConnectorManifest } from "./manifest/load-manifest.js";
import { compileMapping } from "./mapping/compile-mapping.js";

export interface Connector {
  readonly manifest: ConnectorManifest;
  readonly entities: ReadonlyMap<string, EntityDefinition>;
  /** The configuration form (JSON Schema draft-07 + UI schema), whole or one part. */
  form(options?: ConfigSchemaOptions): Form;
  /** Validate and normalise a stored configuration; throws `ValidationError` listing every problem. */
  parseConfig(input: unknown, options?: ParseConfigOptions): SubscriptionConfig;
  /**
   * A subscription for a configuration (raw, as stored by the platform, or already parsed). Throws
   * CONFIG_INVALID or MAPPING_SYNTAX before any request when the configuration or a mapping is broken.
   */
  subscription(config: unknown, options?: SubscriptionOptions & { env?: ParseConfigOptions["env"] }): Subscription;
}

/** Load and check the manifest, the entity definitions and every default mapping. */
export async function loadConnector(): Promise<Connector> {
  const manifest = loadManifest();
  const entities = loadEntityDefinitions();
  for (const definition of entities.values()) {
    for (const direction of definition.directions) compileMapping({ entity: definition.name, direction });
  }
  return {
    manifest,
    entities,
    form: (options = {}) => buildForm(manifest, options),
    parseConfig: (input, options) => parseConfig(input, options),
    subscription(config, options = {}) {
      const { env, ...subscriptionOptions } = options;
      return createSubscription(parseConfig(config, env ? { env } : {}), subscriptionOptions);
    },
  };
}
