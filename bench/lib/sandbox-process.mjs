// Start the sandbox in its own process (as a real PIM would be), read its URL and credentials
// from its --json line, and stop it afterwards.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export async function startSandboxProcess(args) {
  const child = spawn(process.execPath, [cli, "sandbox", "--json", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    if (!line.trim().startsWith("{")) continue;
    const info = JSON.parse(line);
    return {
      url: info.url,
      credentials: info.credentials,
      stop: () =>
        new Promise((resolve) => {
          child.once("exit", resolve);
          child.kill("SIGTERM");
        }),
    };
  }
  throw new Error("the sandbox process ended before printing its URL");
}
