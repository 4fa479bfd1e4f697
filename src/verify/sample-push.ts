/**
 * Check 7: a dry run of push on the sampled records. Each canonical record of an entity with a push
 * direction is mapped back and validated as an Akeneo payload, and the payload must equal the record
 * as Akeneo returned it on every mapped field (`compareRoundTrip`). Nothing is written unless asked:
 * with `write`, one sampled product is PATCHed back unchanged and read back (write-back-product.ts).
 */
import type { SubscriptionConfig } from "../config/subscription-config.js";
import type { Subscription } from "../flows/subscription.js";
import { getEntityDefinition } from "../manifest/entity-definitions.js";
import { compareRoundTrip } from "../mapping/compare-round-trip.js";
import { describeMappingFix } from "./describe-mapping-fix.js";
import { requireSubscription } from "./require-subscription.js";
import type { CheckOutcome, EntitySample, VerifyCheck, VerifyContext } from "./verify-types.js";
import { writeBackProduct } from "./write-back-product.js";

const HOW_TO_WRITE = "write not tried: run with --write (host API: verify({ write: true })) to write one product back unchanged and prove the write permission";

interface Pushed {
  entity: string;
  sample: EntitySample;
  payload: Record<string, unknown>;
}

/** `sample-push`: map the samples back, compare, and (opt-in) write one product back. */
export const samplePush: VerifyCheck = {
  name: "sample-push",
  title: "Sample push works",
  dependsOn: ["sample-pull"],
  async run(ctx) {
    const { config, subscription } = requireSubscription(ctx);
    const entities = config.settings.entities.filter((e) => getEntityDefinition(e).directions.includes("push") && (ctx.samples.get(e)?.length ?? 0) > 0);
    if (entities.length === 0) return { status: "skipped", message: "no sampled record of an entity that can be pushed" };
    const failures: Array<{ message: string; fix: string }> = [];
    const pushed: Pushed[] = [];
    for (const entity of entities) await mapBack(ctx, config, subscription, entity, pushed, failures);
    const details: Record<string, unknown> = { records: pushed.length, entities };
    if (failures.length > 0) {
      return { status: "fail", message: failures.map((f) => f.message).join("; "), fix: [...new Set(failures.map((f) => f.fix))].join("\n"), details };
    }
    const dryRun = `${pushed.length} records of ${entities.length} entities mapped back and equal to the originals on every mapped field`;
    if (!ctx.write) return { status: "pass", message: `${dryRun}; ${HOW_TO_WRITE}`, details: { ...details, written: false } };
    return writeOne(ctx, config, subscription, pushed, dryRun, details);
  },
};

async function mapBack(ctx: VerifyContext, config: SubscriptionConfig, subscription: Subscription, entity: string, pushed: Pushed[], failures: Array<{ message: string; fix: string }>): Promise<void> {
  const { channel, locales } = config.settings;
  const mapper = await subscription.mapper(entity, "push");
  const samples = ctx.samples.get(entity) ?? [];
  const outcomes = await Promise.all(samples.map((sample) => mapper.map(sample.canonical)));
  outcomes.forEach((outcome, i) => {
    const sample = samples[i]!;
    if (!outcome.ok) {
      failures.push({ message: `${entity} ${sample.key}: ${outcome.error.message}`, fix: describeMappingFix(config, entity, "push") });
      return;
    }
    const differences = compareRoundTrip(sample.raw, outcome.value, { entity, channel, locales });
    if (differences.length === 0) {
      pushed.push({ entity, sample, payload: outcome.value });
      return;
    }
    const shown = differences.slice(0, 3).map((d) => `${d.path} (${short(d.original)} → ${short(d.pushed)})`);
    const more = differences.length > 3 ? ` and ${differences.length - 3} more` : "";
    failures.push({
      message: `${entity} ${sample.key}: pushing the pulled record back would change ${shown.join(", ")}${more}`,
      fix: `the ${entity} pull and push mappings do not mirror each other: ${describeMappingFix(config, entity, "push")}`,
    });
  });
}

async function writeOne(ctx: VerifyContext, config: SubscriptionConfig, subscription: Subscription, pushed: Pushed[], dryRun: string, details: Record<string, unknown>): Promise<CheckOutcome> {
  const product = pushed.find((p) => p.entity === "products");
  if (!product) return { status: "pass", message: `${dryRun}; write not tried: no product was sampled (enable products to test writing)`, details: { ...details, written: false } };
  const def = getEntityDefinition("products", { productIdFormat: config.settings.productIdFormat });
  const written = await writeBackProduct(subscription.client, def, product.sample.key, product.payload, ctx.signal);
  return { ...written, message: `${dryRun}; ${written.message}`, details: { ...details, ...written.details } };
}

function short(value: unknown): string {
  const text = value === undefined ? "absent" : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
