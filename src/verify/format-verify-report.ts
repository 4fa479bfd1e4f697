import type { CheckStatus, VerifyReport } from "./verify-types.js";

const MARKS: Readonly<Record<CheckStatus, string>> = { pass: "✔", fail: "✖", warn: "!", skipped: "-" };

/**
 * The report for a person: one line per check with its mark and duration (`✔ authentication (120 ms)`,
 * `✖ …`, `! …`, `- … skipped: <reason>`), then "What to fix" with one entry per failed or warned
 * check, then a verdict line. Ends with a newline.
 */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = report.checks.map((check) => {
    if (check.status === "skipped") return `${MARKS.skipped} ${check.name} skipped: ${check.message ?? "not run"}`;
    const message = check.message ? `: ${check.message}` : "";
    return `${MARKS[check.status]} ${check.name} (${Math.round(check.durationMs)} ms)${message}`;
  });
  const toFix = report.checks.filter((check) => (check.status === "fail" || check.status === "warn") && check.fix);
  if (toFix.length > 0) {
    lines.push("", "What to fix:");
    for (const check of toFix) {
      const [first, ...rest] = check.fix!.split("\n");
      lines.push(`  ${check.name}${check.status === "warn" ? " (warning)" : ""}: ${first}`, ...rest.map((line) => `    ${line}`));
    }
  }
  lines.push("", verdict(report));
  return `${lines.join("\n")}\n`;
}

function verdict(report: VerifyReport): string {
  const count = (status: CheckStatus) => report.checks.filter((c) => c.status === status).length;
  const parts = [`${count("pass")} passed`];
  if (count("warn") > 0) parts.push(`${count("warn")} warned`);
  if (count("fail") > 0) parts.push(`${count("fail")} failed`);
  if (count("skipped") > 0) parts.push(`${count("skipped")} skipped`);
  const seconds = (report.durationMs / 1000).toFixed(1);
  return `${report.ok ? "Verification passed" : "Verification FAILED"}: ${parts.join(", ")} (${seconds} s)`;
}
