/**
 * Check 6: a few records of each enabled entity are read the way a pull reads them (same filters,
 * same locales) and mapped with the subscription's pull mapping; the mapper validates each output
 * against the canonical schema. A failure names the entity, the record's key and the mapping or
 * schema error. The records are kept for sample-push.
 */
import type { AkeneoClient, ListParams } from "../akeneo/akeneo-client.js";
import { buildSearch, type SearchInput } from "../akeneo/build-search.js";
import type { SubscriptionConfig } from "../config/subscription-config.js";
import { recordKey } from "../flows/record-key.js";
import type { Subscription } from "../flows/subscription.js";
import { getEntityDefinition, type EntityDefinition } from "../manifest/entity-definitions.js";
import { describeAccessFailure } from "./describe-access-failure.js";
import { describeMappingFix } from "./describe-mapping-fix.js";
import { findParentKey } from "./find-parent-key.js";
import { requireSubscription } from "./require-subscription.js";
import type { CheckOutcome, EntitySample, VerifyCheck, VerifyContext } from "./verify-types.js";

/** Records read and mapped per entity. */
export const SAMPLE_SIZE = 3;

interface EntityOutcome {
  entity: string;
  samples: EntitySample[];
  failures: Array<{ message: string; fix: string }>;
  note?: string;
}

/** `sample-pull`: read and map up to `SAMPLE_SIZE` records per enabled entity. */
export const samplePull: VerifyCheck = {
  name: "sample-pull",
  title: "Sample pull works",
  dependsOn: ["permissions", "settings-exist"],
  async run(ctx) {
    const { config, subscription } = requireSubscription(ctx);
    if (ctx.mappingError) return syntaxFailure(ctx);
    const outcomes = await Promise.all(config.settings.entities.map((entity) => sampleEntity(ctx, config, subscription, entity)));
    for (const outcome of outcomes) ctx.samples.set(outcome.entity, outcome.samples);
    const failures = outcomes.flatMap((o) => o.failures);
    const details = { records: Object.fromEntries(outcomes.map((o) => [o.entity, o.samples.length])) };
    if (failures.length > 0) {
      return { status: "fail", message: failures.map((f) => f.message).join("; "), fix: [...new Set(failures.map((f) => f.fix))].join("\n"), details };
    }
    const total = outcomes.reduce((n, o) => n + o.samples.length, 0);
    const notes = outcomes.flatMap((o) => (o.note ? [`${o.entity}: ${o.note}`] : []));
    return { status: "pass", message: [`${total} records of ${outcomes.length} entities read and mapped to the canonical schema`, ...notes].join("; "), details };
  },
};

async function sampleEntity(ctx: VerifyContext, config: SubscriptionConfig, subscription: Subscription, entity: string): Promise<EntityOutcome> {
  const def = getEntityDefinition(entity, { productIdFormat: config.settings.productIdFormat });
  const result: EntityOutcome = { entity, samples: [], failures: [] };
  let params: ListParams;
  try {
    const parentKey = def.parent ? await findParentKey(ctx, subscription.client, def) : undefined;
    if (parentKey === null) return { ...result, note: `none of the ${def.parent!.entity} qualifies as their parent, nothing to sample` };
    params = sampleParams(def, config, parentKey, ctx.signal);
    const page = (def.filters.length === 0 ? ctx.firstPages?.get(entity) : undefined) ?? (await subscription.client.listPage(def, params));
    if (page.items.length === 0) return { ...result, note: def.filters.length > 0 ? "no record matches the filters, nothing to map" : "none in the PIM, nothing to map" };
    const mapper = await subscription.mapper(entity, "pull");
    const mapped = await Promise.all(page.items.map((item) => mapper.map(item)));
    const failed: string[] = [];
    mapped.forEach((outcome, i) => {
      const raw = page.items[i]!;
      const key = recordKey(def, raw);
      if (outcome.ok) result.samples.push({ raw, canonical: outcome.value, key });
      else failed.push(`${entity} ${key}: ${outcome.error.message}`);
    });
    if (failed.length > 0) {
      const more = failed.length > 1 ? ` (and ${failed.length - 1} more of the ${page.items.length} sampled)` : "";
      result.failures.push({ message: `${failed[0]}${more}`, fix: describeMappingFix(config, entity, "pull") });
    }
  } catch (error) {
    const failure = describeAccessFailure(entity, error, `reading ${SAMPLE_SIZE} records`);
    result.failures.push({ message: failure.message, fix: failure.fix });
  }
  return result;
}

/** The list parameters of a pull (filters, locales, scope), for `SAMPLE_SIZE` records. */
function sampleParams(def: EntityDefinition, config: SubscriptionConfig, parentKey: string | undefined, signal: AbortSignal | undefined): ListParams {
  const { settings } = config;
  const params: ListParams = { pageSize: SAMPLE_SIZE, ...(signal ? { signal } : {}) };
  if (def.parent && parentKey !== undefined) params.pathParams = { [def.parent.pathParam]: parentKey };
  if (def.filters.length === 0) return params;
  const { filters } = settings;
  const input: SearchInput = {};
  if (def.filters.includes("enabled") && filters.enabled !== "any") input.enabled = filters.enabled === "enabled";
  if (def.filters.includes("families") && filters.families.length > 0) input.families = filters.families;
  if (def.filters.includes("categories") && filters.categories.length > 0) input.categories = filters.categories;
  if (def.filters.includes("completeness") && filters.completeness !== null) input.completeness = { channel: settings.channel, min: filters.completeness };
  if (Object.keys(input).length > 0) params.search = buildSearch(def, input);
  params.locales = settings.locales;
  if (settings.restrictToChannelTree) params.scope = settings.channel;
  return params;
}

function syntaxFailure(ctx: VerifyContext): CheckOutcome {
  const { error, entity, direction } = ctx.mappingError!;
  const which = entity && direction ? `mappings.${entity}.${direction}` : "a mapping override";
  const at = error as { origin?: string; line?: number; column?: number };
  const position = at.line !== undefined ? { origin: at.origin, line: at.line, column: at.column } : {};
  return {
    status: "fail",
    message: `${which} does not compile: ${error.message}`,
    fix: `correct ${which} in the config${at.line !== undefined ? ` at line ${at.line}, column ${at.column}` : ""}, then run the verification again`,
    details: { code: error.code, ...(entity ? { entity, direction } : {}), ...position },
  };
}
