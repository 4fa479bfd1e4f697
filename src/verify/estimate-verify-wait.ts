/**
 * How long the configured throttle makes the verification wait, said before it starts waiting: with a
 * gentle setup value such as 5 requests per 60 s, the checks take minutes, and a silent wait looks
 * like a hang. The requests counted are the ones the checks send through the client (so through the
 * throttle): the token, one read per entity (two where sample-pull reads with the pull's filters), the
 * parent of nested entities, the channel, the filters' families and categories, and the attributes
 * (the settings' three in one request, and the mapping catalog).
 */
import type { SubscriptionConfig } from "../config/subscription-config.js";
import { getEntityDefinition } from "../manifest/entity-definitions.js";
import { formatDuration, throttleWaitSeconds } from "./throttle-sane.js";

export interface VerifyWait {
  /** Requests the checks send through the throttle, about. */
  requests: number;
  /** Seconds the throttle holds them, at least. */
  waitSeconds: number;
}

export function estimateVerifyWait(config: SubscriptionConfig): VerifyWait {
  const { settings, credentials } = config;
  const definitions = settings.entities.map((entity) => getEntityDefinition(entity, { productIdFormat: settings.productIdFormat }));
  const withValues = definitions.some((def) => def.values);
  const requests =
    1 + // the token
    definitions.length + // permissions: one read each
    definitions.filter((def) => def.filters.length > 0).length + // sample-pull: read again with the pull's filters
    definitions.filter((def) => def.parent).length + // the parent of a nested entity
    1 + // settings-exist: the channel
    settings.filters.families.length +
    settings.filters.categories.length +
    (withValues ? 2 : 0); // the settings' attributes, and the mapping catalog's
  const { throttleLimit, throttleSeconds } = credentials;
  return { requests, waitSeconds: throttleWaitSeconds(requests, throttleLimit, throttleSeconds) };
}

/** The sentence logged before the checks that send requests, when the throttle makes them wait 10 s or more. */
export function describeVerifyWait(config: SubscriptionConfig): string | undefined {
  const { requests, waitSeconds } = estimateVerifyWait(config);
  if (waitSeconds < 10) return undefined;
  const { throttleLimit, throttleSeconds } = config.credentials;
  return `the throttle allows ${throttleLimit} requests per ${throttleSeconds} s and the verification sends about ${requests}: it takes at least ${formatDuration(waitSeconds)} (throttleLimit and throttleSeconds set this)`;
}
