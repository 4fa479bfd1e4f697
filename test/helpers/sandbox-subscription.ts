import { Agent } from "undici";
import { parseConfig } from "../../src/config/parse-config.js";
import type { SubscriptionConfig } from "../../src/config/subscription-config.js";
import { createSubscription, type Subscription, type SubscriptionOptions } from "../../src/flows/subscription.js";
import type { Sandbox } from "../../src/sandbox/index.js";

/** A valid config for `sandbox`, with `credentials` and `settings` overrides merged in. */
export function sandboxConfig(
  sandbox: Sandbox,
  overrides: { credentials?: Record<string, unknown>; settings?: Record<string, unknown>; mappings?: Record<string, unknown> } = {},
): SubscriptionConfig {
  return parseConfig({
    credentials: { baseUrl: sandbox.url, ...sandbox.credentials, ...overrides.credentials },
    settings: { channel: "ecommerce", locales: ["en_US", "fr_FR"], ...overrides.settings },
    ...(overrides.mappings ? { mappings: overrides.mappings } : {}),
  });
}

/** A subscription on the sandbox with a test-friendly dispatcher (short keep-alive). */
export function sandboxSubscription(sandbox: Sandbox, config: SubscriptionConfig, options: SubscriptionOptions = {}): Subscription {
  return createSubscription(config, { dispatcher: new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 }), ...options });
}

/** Every record of a pull, and its report. */
export async function pullAll(subscription: Subscription, entity: string, options: Parameters<Subscription["pull"]>[1] = {}) {
  const run = subscription.pull(entity, options);
  const records: Record<string, unknown>[] = [];
  const failures: unknown[] = [];
  for await (const batch of run) {
    records.push(...batch.records);
    failures.push(...batch.failures);
  }
  return { records, failures, report: run.report! };
}
