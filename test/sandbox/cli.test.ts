import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runSandboxCommand, type SandboxFlags } from "../../src/cli/commands/sandbox.js";
import type { CliIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/main.js";

function captureIO(): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += String(c)));
  stderr.on("data", (c) => (err += String(c)));
  return { io: { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: process.cwd(), isTTY: false }, out: () => out, err: () => err };
}

const flags = (extra: Partial<SandboxFlags> = {}): SandboxFlags => ({ port: "0", products: "20", seed: "1", ...extra });

describe("akeneo-connector sandbox", () => {
  it("prints the URL and credentials as readable lines, serves, and closes cleanly on abort", async () => {
    const { io, out, err } = captureIO();
    const controller = new AbortController();
    let url = "";
    const done = runSandboxCommand(io, flags({ errorRate: "0.1" }), controller.signal, async (sandbox) => {
      url = sandbox.url;
      const res = await fetch(`${sandbox.url}/api/rest/v1/system-information`);
      expect(res.status).toBe(200);
      controller.abort();
    });
    expect(await done).toBe(0);
    expect(out()).toContain(`Akeneo sandbox listening on ${url}`);
    expect(out()).toContain("client id:     sandbox_client_id");
    expect(out()).toContain("password:      sandbox_api_password");
    expect(out()).toMatch(/catalog: +20 products \(14 simple, 6 variants/);
    expect(out()).toContain("errorRate=0.1");
    expect(err()).toContain("sandbox stopped");
    await expect(fetch(`${url}/api/rest/v1`)).rejects.toThrow();
  });

  it("prints one JSON object with --json", async () => {
    const { io, out } = captureIO();
    const controller = new AbortController();
    await runSandboxCommand(io, flags({ json: true, tokenTtlRequests: "5", forbidden: "/api/rest/v1/categories" }), controller.signal, () => controller.abort());
    const printed = JSON.parse(out().trim());
    expect(printed).toMatchObject({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      credentials: { clientId: "sandbox_client_id", clientSecret: "sandbox_client_secret", username: "sandbox_api_user", password: "sandbox_api_password" },
      seed: 1,
      catalog: { products: 20 },
      faults: { tokenTtlRequests: 5, forbidden: ["/api/rest/v1/categories"] },
    });
  });

  it("answers a bad flag with a usage error (exit 2), before starting anything", async () => {
    const { io, err } = captureIO();
    expect(await runCli(["sandbox", "--error-rate", "2"], io)).toBe(2);
    expect(err()).toContain("--error-rate must be a number between 0 and 1");
  });
});
