/**
 * Check 1: the configuration is valid, with the same validation as `validate-config` (schema from the
 * manifest, environment overrides, mapping files exist). It also opens the subscription the later
 * checks run through. A mapping that does not compile does not fail this check: sample-pull reports
 * it with its position, after the connection itself has been proven.
 */
import { describeError, isConnectorError, isValidationError } from "../errors.js";
import type { CheckOutcome, VerifyCheck, VerifyContext } from "./verify-types.js";

/** `config-valid`: parse the config source (or accept the subscription's already-parsed config). */
export const configValid: VerifyCheck = {
  name: "config-valid",
  title: "Configuration is valid",
  dependsOn: [],
  async run(ctx) {
    if (!ctx.open) {
      if (!ctx.config || !ctx.subscription) return { status: "fail", message: "no config was given", fix: "pass a config file path or object" };
      return { status: "pass", message: `validated when the subscription was created; ${summary(ctx)}` };
    }
    try {
      const opened = ctx.open();
      ctx.config = opened.config;
      ctx.subscription = opened.subscription;
      if (opened.mappingError) ctx.mappingError = opened.mappingError;
    } catch (error) {
      return invalidConfig(error);
    }
    return { status: "pass", message: summary(ctx) };
  },
};

function summary(ctx: VerifyContext): string {
  const config = ctx.config!;
  return `${config.credentials.baseUrl}, entities: ${config.settings.entities.join(", ")}`;
}

function invalidConfig(error: unknown): CheckOutcome {
  if (isValidationError(error) && error.issues.length > 0) {
    return {
      status: "fail",
      message: error.message,
      fix: error.issues.map((issue) => `${issue.path || "(root)"}: ${issue.message}`).join("\n"),
      details: { code: error.code, issues: error.issues },
    };
  }
  if (isConnectorError(error) && error.code === "CONFIG_NOT_FOUND") {
    return { status: "fail", message: error.message, fix: "pass the path of a subscription config file (JSON)", details: { code: error.code } };
  }
  const code = isConnectorError(error) ? error.code : "INTERNAL";
  return { status: "fail", message: describeError(error), fix: "correct the config as the message says, then run validate-config", details: { code } };
}
