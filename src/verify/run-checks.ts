/**
 * The runner: checks in order, each after the checks it depends on. A check whose dependency failed
 * (or was skipped) is skipped, naming the failed check at the root; a check that throws fails with
 * its one-line message. Durations come from the injected clock; everything printed is redacted. Once
 * the config is known, a throttle that will hold the checks for a while is announced (estimate-verify-wait.ts).
 */
import { randomUUID } from "node:crypto";
import { describeError, isConnectorError } from "../errors.js";
import { redactText, redactValue } from "../redact.js";
import { describeVerifyWait } from "./estimate-verify-wait.js";
import type { CheckOutcome, CheckResult, VerifyCheck, VerifyContext, VerifyReport } from "./verify-types.js";

/** Run `checks` against `ctx` and build the report. Never throws for a check's failure. */
export async function runChecks(checks: readonly VerifyCheck[], ctx: VerifyContext): Promise<VerifyReport> {
  const startedMs = ctx.clock.now();
  const done = new Map<string, { result: CheckResult; root?: string }>();
  const log = ctx.logger.child({ runId: randomUUID(), job: "verify" });
  log.info({ checks: checks.length }, "verify started");
  for (const check of checks) {
    const blocked = blockedBy(check, done, ctx);
    const entry = blocked
      ? { result: { name: check.name, title: check.title, status: "skipped" as const, durationMs: 0, message: blocked.reason }, root: blocked.root }
      : { result: await runOne(check, ctx) };
    done.set(check.name, entry);
    if (check.name === "config-valid" && entry.result.status !== "fail" && ctx.config) {
      const wait = describeVerifyWait(ctx.config);
      if (wait) log.warn({ check: check.name }, `[verify] ${wait}`);
    }
    const { status, durationMs, message } = entry.result;
    const level = status === "fail" ? "error" : status === "warn" ? "warn" : "info";
    log[level]({ check: check.name, status, durationMs, ...(status === "pass" ? {} : { message }) }, `[verify] ${check.name}: ${status}`);
  }
  const results = [...done.values()].map((entry) => entry.result);
  const report = { ok: !results.some((r) => r.status === "fail"), checks: results, startedAt: new Date(startedMs).toISOString(), durationMs: ctx.clock.now() - startedMs };
  const count = (status: string) => results.filter((r) => r.status === status).length;
  log[report.ok ? "info" : "error"]({ ok: report.ok, passed: count("pass"), failed: count("fail"), warned: count("warn"), skipped: count("skipped"), durationMs: report.durationMs }, "verify completed");
  return report;
}

function blockedBy(check: VerifyCheck, done: Map<string, { result: CheckResult; root?: string }>, ctx: VerifyContext): { reason: string; root?: string } | undefined {
  for (const dependency of check.dependsOn) {
    const entry = done.get(dependency);
    if (!entry) return { reason: `${dependency} did not run before it` };
    if (entry.result.status === "fail") return { reason: `${dependency} failed`, root: dependency };
    if (entry.result.status === "skipped") return entry.root ? { reason: `${entry.root} failed`, root: entry.root } : { reason: `${dependency} was skipped` };
  }
  if (ctx.signal?.aborted) return { reason: "the verification was cancelled" };
  return undefined;
}

async function runOne(check: VerifyCheck, ctx: VerifyContext): Promise<CheckResult> {
  const startedMs = ctx.clock.now();
  let outcome: CheckOutcome;
  try {
    outcome = await check.run(ctx);
  } catch (error) {
    const cancelled = ctx.signal?.aborted || (isConnectorError(error) && error.code === "ABORTED");
    outcome = {
      status: "fail",
      message: describeError(error),
      fix: cancelled ? "the verification was cancelled: run it again" : "this is unexpected: run the verification again, and report the message if it persists",
      ...(isConnectorError(error) ? { details: { code: error.code } } : {}),
    };
  }
  const result: CheckResult = { name: check.name, title: check.title, status: outcome.status, durationMs: Math.max(0, ctx.clock.now() - startedMs) };
  if (outcome.message !== undefined) result.message = redactText(outcome.message);
  if (outcome.fix !== undefined && outcome.status !== "pass") result.fix = redactText(outcome.fix);
  if (outcome.details !== undefined) result.details = redactValue(outcome.details);
  return result;
}
