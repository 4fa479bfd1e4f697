/**
 * The pure parts of the verification: the check list against the manifest, the runner's dependency
 * and skip rules, durations from the injected clock, the human report, exit codes, throttle-sane and
 * record diffs. No I/O.
 */
import { describe, expect, it } from "vitest";
import { exitCodeOf } from "../../src/cli/commands/verify.js";
import type { Clock } from "../../src/clock.js";
import type { SubscriptionConfig } from "../../src/config/subscription-config.js";
import { ConnectorError } from "../../src/errors.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { silentLogger, type Logger } from "../../src/logger.js";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { diffRecords } from "../../src/verify/diff-records.js";
import { formatVerifyReport } from "../../src/verify/format-verify-report.js";
import { estimateVerifyWait } from "../../src/verify/estimate-verify-wait.js";
import { runChecks } from "../../src/verify/run-checks.js";
import { formatDuration, throttleSane } from "../../src/verify/throttle-sane.js";
import { VERIFY_CHECKS } from "../../src/verify/verify-checks.js";
import type { CheckName, CheckOutcome, VerifyCheck, VerifyContext } from "../../src/verify/verify-types.js";

/** A clock that moves 5 ms per reading. */
function steppingClock(): Clock {
  let now = Date.UTC(2026, 0, 1);
  return { now: () => (now += 5), sleep: async () => {} };
}

const context = (extra: Partial<VerifyContext> = {}): VerifyContext => ({ write: false, clock: steppingClock(), logger: silentLogger, samples: new Map(), ...extra });

const fake = (name: string, dependsOn: string[], outcome: CheckOutcome | (() => never)): VerifyCheck => ({
  name: name as CheckName,
  title: name,
  dependsOn: dependsOn as CheckName[],
  run: async () => (typeof outcome === "function" ? outcome() : outcome),
});

describe("the check list", () => {
  it("matches the manifest's checks: names, titles, order; each depends only on earlier checks", () => {
    expect(VERIFY_CHECKS.map((c) => [c.name, c.title])).toEqual(loadManifest().checks.map((c) => [c.name, c.title]));
    VERIFY_CHECKS.forEach((c, i) => {
      const earlier = VERIFY_CHECKS.slice(0, i).map((e) => e.name);
      for (const dependency of c.dependsOn) expect(earlier).toContain(dependency);
    });
  });
});

describe("runChecks", () => {
  it("skips the dependants of a failed check (naming the root failure), runs the independent ones", async () => {
    const checks = [
      fake("a", [], { status: "pass" }),
      fake("b", ["a"], { status: "fail", message: "broken", fix: "repair b" }),
      fake("c", ["b"], { status: "pass" }),
      fake("d", ["c"], { status: "pass" }),
      fake("e", ["a"], { status: "warn", message: "careful", fix: "lower it" }),
      fake("f", ["e"], { status: "pass", fix: "dropped on pass" }),
    ];
    const report = await runChecks(checks, context());
    expect(report.checks.map((c) => [c.name, c.status, c.message])).toEqual([
      ["a", "pass", undefined],
      ["b", "fail", "broken"],
      ["c", "skipped", "b failed"],
      ["d", "skipped", "b failed"],
      ["e", "warn", "careful"],
      ["f", "pass", undefined],
    ]);
    expect(report.ok).toBe(false);
    const byName = (name: string) => report.checks.find((c) => (c.name as string) === name)!;
    expect(byName("f").fix).toBeUndefined();
    expect(byName("c").durationMs).toBe(0);
    expect(byName("a").durationMs).toBe(5);
    expect(report.startedAt).toBe("2026-01-01T00:00:00.005Z");
  });

  it("warnings and self-skips do not fail the verification", async () => {
    const report = await runChecks([fake("a", [], { status: "warn", fix: "x" }), fake("b", [], { status: "skipped", message: "nothing to do" }), fake("c", ["b"], { status: "pass" })], context());
    expect(report.ok).toBe(true);
    expect(report.checks[2]).toMatchObject({ status: "skipped", message: "b was skipped" });
  });

  it("a check that throws fails with its one-line message; a secret in it is redacted", async () => {
    const thrown = () => {
      throw new ConnectorError("[verify] exploded with client_secret=hunter22", { code: "INTERNAL", kind: "bug" });
    };
    const report = await runChecks([fake("a", [], thrown), fake("b", ["a"], { status: "pass" })], context());
    expect(report.checks[0]).toMatchObject({ status: "fail", details: { code: "INTERNAL" } });
    expect(report.checks[0]!.message).not.toContain("hunter22");
    expect(report.checks[1]).toMatchObject({ status: "skipped", message: "a failed" });
  });

  it("after a cancellation, the checks not yet started are skipped", async () => {
    const controller = new AbortController();
    const cancel: VerifyCheck = { ...fake("a", [], { status: "pass" }), run: async () => (controller.abort(), { status: "pass" }) };
    const report = await runChecks([cancel, fake("b", [], { status: "pass" })], context({ signal: controller.signal }));
    expect(report.checks[1]).toMatchObject({ status: "skipped", message: "the verification was cancelled" });
  });
});

describe("formatVerifyReport and exit codes", () => {
  const report = {
    ok: false,
    startedAt: "2026-01-01T00:00:00.000Z",
    durationMs: 1234,
    checks: [
      { name: "config-valid", title: "t", status: "pass", durationMs: 3 },
      { name: "authentication", title: "t", status: "fail", durationMs: 120.4, message: "the client id or secret was rejected", fix: "check clientId\nand clientSecret" },
      { name: "permissions", title: "t", status: "skipped", durationMs: 0, message: "authentication failed" },
      { name: "throttle-sane", title: "t", status: "warn", durationMs: 0, message: "8 in flight", fix: "set concurrentConnections to 4" },
    ],
  } as const;

  it("one line per check with its mark and duration, then what to fix, then the verdict", () => {
    expect(formatVerifyReport(structuredClone(report) as never)).toBe(
      [
        "✔ config-valid (3 ms)",
        "✖ authentication (120 ms): the client id or secret was rejected",
        "- permissions skipped: authentication failed",
        "! throttle-sane (0 ms): 8 in flight",
        "",
        "What to fix:",
        "  authentication: check clientId",
        "    and clientSecret",
        "  throttle-sane (warning): set concurrentConnections to 4",
        "",
        "Verification FAILED: 1 passed, 1 warned, 1 failed, 1 skipped (1.2 s)",
        "",
      ].join("\n"),
    );
  });

  it("exit 0 iff no check failed; 2 when the config is invalid; 1 otherwise", () => {
    const r = structuredClone(report) as never as Parameters<typeof exitCodeOf>[0];
    expect(exitCodeOf(r)).toBe(1);
    expect(exitCodeOf({ ...r, checks: [{ ...r.checks[0]!, status: "fail" }] })).toBe(2);
    expect(exitCodeOf({ ...r, ok: true, checks: r.checks.filter((c) => c.status !== "fail") })).toBe(0);
  });
});

describe("a throttle that will hold the verification", () => {
  /** A logger that keeps its warnings. */
  const recording = (warnings: string[]): Logger => {
    const logger: Logger = { debug: () => {}, info: () => {}, error: () => {}, warn: (obj, msg) => void warnings.push(typeof obj === "string" ? obj : (msg ?? "")), child: () => logger };
    return logger;
  };
  const configWith = (throttleLimit: number, settings: Record<string, unknown> = {}) =>
    parseConfig({
      credentials: { baseUrl: "http://127.0.0.1:1", clientId: "c", clientSecret: "s", username: "u", password: "p", throttleLimit, throttleSeconds: 60 },
      settings: { channel: "ecommerce", locales: ["en_US"], ...settings },
    });

  it("is announced once the config is known, before the checks that send requests: how many requests and how long", async () => {
    const warnings: string[] = [];
    let warnedBeforePermissions: string[] = [];
    const checks = [
      { ...fake("config-valid", [], { status: "pass" }), run: async (ctx: VerifyContext) => ((ctx.config = configWith(5)), { status: "pass" as const }) },
      { ...fake("permissions", ["config-valid"], { status: "pass" }), run: async () => ((warnedBeforePermissions = [...warnings]), { status: "pass" as const }) },
    ];
    await runChecks(checks, context({ logger: recording(warnings) }));
    const { requests } = estimateVerifyWait(configWith(5));
    expect(warnedBeforePermissions).toEqual([
      `[verify] the throttle allows 5 requests per 60 s and the verification sends about ${requests}: it takes at least ${Math.floor((requests - 1) / 5)} min (throttleLimit and throttleSeconds set this)`,
    ]);
    expect(warnings).toEqual(warnedBeforePermissions);
  });

  it("is not announced when the throttle holds the checks less than 10 s, nor when the config is invalid", async () => {
    for (const [config, status] of [[configWith(500), "pass"], [configWith(5), "fail"]] as const) {
      const warnings: string[] = [];
      const checks = [{ ...fake("config-valid", [], { status }), run: async (ctx: VerifyContext) => ((ctx.config = config), { status }) }];
      await runChecks(checks, context({ logger: recording(warnings) }));
      expect(warnings).toEqual([]);
    }
  });

  it("counts a second read for entities with list filters and one per filter family and category", () => {
    const base = estimateVerifyWait(configWith(5, { entities: ["categories"] })).requests;
    expect(base).toBe(3); // the token, the read, the channel
    expect(estimateVerifyWait(configWith(5, { entities: ["categories", "products"] })).requests).toBe(base + 2 + 2); // two reads, and the attributes twice
    expect(estimateVerifyWait(configWith(5, { entities: ["categories"], filters: { families: ["a", "b"], categories: ["c"] } })).requests).toBe(base + 3);
  });
});

describe("throttle-sane", () => {
  const run = async (credentials: Record<string, number>, pageSize = 100) => {
    const config = { credentials: { throttleLimit: 500, throttleSeconds: 60, concurrentConnections: 4, ...credentials }, settings: { pageSize } } as unknown as SubscriptionConfig;
    return throttleSane.run(context({ config }));
  };

  it.each([
    [{}, "pass", /500 requests per 60 s \(8\.3\/s\), 4 in flight; a pull of 1,000 products \(12 requests\) fits in one throttle window/],
    [{ concurrentConnections: 6 }, "warn", /6 concurrent requests exceed Akeneo's 4 per connection/],
    [{ throttleLimit: 9000 }, "warn", /150 requests per second exceed Akeneo's ~100/],
    [{ throttleLimit: 5, throttleSeconds: 60 }, "warn", /^[^;]*; a pull of 1,000 products \(12 requests\) waits at least 2 min for the throttle; fewer than 1 request per 10 s: every pull, push and verification waits for the throttle$/],
    [{ throttleLimit: 0 }, "fail", /throttleLimit 0 is impossible/],
    [{ concurrentConnections: 11 }, "fail", /concurrentConnections 11 is impossible/],
  ] as Array<[Record<string, number>, string, RegExp]>)("%o → %s", async (credentials, status, message) => {
    const outcome = await run(credentials);
    expect(outcome.status).toBe(status);
    expect(outcome.message).toMatch(message);
    if (status !== "pass") expect(outcome.fix).toBeTruthy();
  });

  it("says how long 1,000 products take with small pages and a slow rate", async () => {
    expect((await run({ throttleLimit: 1, throttleSeconds: 30 }, 10)).message).toMatch(/\(102 requests\) waits at least 51 min/);
    expect([formatDuration(42), formatDuration(600), formatDuration(7200), formatDuration(3 * 86400)]).toEqual(["42 s", "10 min", "2 h", "3 days"]);
  });
});

describe("diffRecords", () => {
  it("lists changed paths, ignores top-level fields on request, and compares decimals as numbers", () => {
    const before = { uuid: "u", updated: "1", values: { rating: [{ data: "5.0" }], name: [{ data: "A" }] }, categories: ["x"] };
    const after = { uuid: "u", updated: "2", values: { rating: [{ data: "5" }], name: [{ data: "B" }] }, categories: ["x", "y"] };
    expect(diffRecords(before, after, { ignore: ["updated"] })).toEqual(["/values/name/0/data", "/categories"]);
    expect(diffRecords(before, before)).toEqual([]);
  });
});
