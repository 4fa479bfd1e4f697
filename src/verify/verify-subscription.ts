import type { Subscription } from "../flows/subscription.js";
import { systemClock } from "../clock.js";
import { silentLogger } from "../logger.js";
import { runChecks } from "./run-checks.js";
import { VERIFY_CHECKS } from "./verify-checks.js";
import type { VerifyOptions, VerifyReport } from "./verify-types.js";

/**
 * Run every check through an existing subscription (what `subscription.verify()` does). Its config
 * was validated when it was created, so config-valid passes; the subscription is not closed.
 */
export async function verifySubscription(subscription: Subscription, options: VerifyOptions = {}): Promise<VerifyReport> {
  return runChecks(VERIFY_CHECKS, {
    write: options.write === true,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    config: subscription.config,
    subscription,
    samples: new Map(),
  });
}
