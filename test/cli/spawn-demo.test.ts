import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-root.js";

/** Resolves true when something accepts connections on 127.0.0.1:port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

describe("the demo (npm start)", () => {
  it("verifies, pulls, pushes edits and pulls exactly the edited records back, then leaves nothing running", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "demo-"));
    const child = spawn(process.execPath, [packagePath("dist", "cli.js"), "demo"], { cwd, env: { PATH: process.env["PATH"] } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(0);
    expect(output).toMatch(/\[3\] Verify the installation/);
    expect(output).toMatch(/✔ sample-push/);
    expect(output).toMatch(/pulled 300 products/);
    expect(output).toMatch(/pushed 5 products .*5 updated/);
    expect(output).toMatch(/Demo complete in [\d.]+s: the incremental pull returned exactly the 5 edited products/);
    for (const file of ["subscription.json", "products.ndjson", "edited.ndjson", "push-results.ndjson", "changes.ndjson"]) {
      expect(existsSync(join(cwd, ".demo", file)), file).toBe(true);
    }
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(output)![1]);
    expect(await isListening(port)).toBe(false);
    expect(output).not.toMatch(/sandbox_client_secret|sandbox_api_password/);
    expect(output).not.toMatch(/Warning|\n\s+at /);
  });
});
