import { Agent } from "undici";
import type { Sandbox } from "../../src/sandbox/index.js";
import { verifyConfig, type VerifyConfigOptions } from "../../src/verify/verify-config.js";
import type { CheckName, CheckStatus, VerifyReport } from "../../src/verify/verify-types.js";

/** A config object (the file's JSON shape) for `sandbox`, with overrides merged in. */
export function rawSandboxConfig(
  sandbox: Sandbox,
  overrides: { credentials?: Record<string, unknown>; settings?: Record<string, unknown>; mappings?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    credentials: { baseUrl: sandbox.url, ...sandbox.credentials, ...overrides.credentials },
    settings: { channel: "ecommerce", locales: ["en_US", "fr_FR"], ...overrides.settings },
    ...(overrides.mappings ? { mappings: overrides.mappings } : {}),
  };
}

/** A test-friendly dispatcher (short keep-alive); close it after the file. */
export const testAgent = () => new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });

/** Run the verification with `dispatcher`. */
export function verifyWith(dispatcher: Agent, source: string | Record<string, unknown>, options: VerifyConfigOptions = {}): Promise<VerifyReport> {
  return verifyConfig(source, { dispatcher, env: {}, ...options });
}

/** `{ name: status }` of every check, in order. */
export function statuses(report: VerifyReport): Record<CheckName, CheckStatus> {
  return Object.fromEntries(report.checks.map((check) => [check.name, check.status])) as Record<CheckName, CheckStatus>;
}

/** The result of one check. */
export function check(report: VerifyReport, name: CheckName) {
  const found = report.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check ${name} in the report`);
  return found;
}
