import type { SubscriptionConfig } from "../config/subscription-config.js";
import { ConnectorError } from "../errors.js";
import type { Subscription } from "../flows/subscription.js";
import type { VerifyContext } from "./verify-types.js";

/**
 * The config and subscription that config-valid put in the context. Every check after it declares
 * the dependency, so a missing one is a bug in the runner, never a user error.
 */
export function requireSubscription(ctx: VerifyContext): { config: SubscriptionConfig; subscription: Subscription } {
  if (!ctx.config || !ctx.subscription) {
    throw new ConnectorError("[verify] the check ran before config-valid opened the subscription", { code: "INTERNAL", kind: "bug" });
  }
  return { config: ctx.config, subscription: ctx.subscription };
}
