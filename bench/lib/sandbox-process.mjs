// Start the sandbox in its own process (as a real PIM would be), read its URL and credentials
// from its --json line, and stop it afterwards. The process also loads connection-idle-hook.mjs:
// `connectionIdle()` tells how long its connections waited for the client since the last call.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const hook = fileURLToPath(new URL("./connection-idle-hook.mjs", import.meta.url));

export async function startSandboxProcess(args) {
  const child = spawn(process.execPath, ["--import", hook, cli, "sandbox", "--json", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextJson = async () => {
    for (let line = await lines.next(); !line.done; line = await lines.next()) {
      if (line.value.trim().startsWith("{")) return JSON.parse(line.value);
    }
    throw new Error("the sandbox process ended before printing its URL");
  };
  const info = await nextJson();
  return {
    url: info.url,
    credentials: info.credentials,
    /** Since the last call: how long, per answer, a connection waited for the client's next request (see the hook). */
    connectionIdle: async () => {
      child.kill("SIGUSR2");
      return (await nextJson()).connectionIdle;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}
