/**
 * The `akeneo-connector` program: argument parsing and printing only. Each command lives in
 * src/cli/commands/<name>.ts and calls the same API a host calls.
 */
import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { packagePath } from "../package-root.js";
import { registerCommands } from "./commands/index.js";
import { EXIT, processIO, type CliIO } from "./io.js";
import { printError } from "./print-error.js";

/** A command's action sets this to report its exit code. */
export interface CommandContext {
  io: CliIO;
  setExitCode(code: number): void;
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.OK;
  const ctx: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const version = (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;
  const program = new Command("akeneo-connector")
    .description("Sync an Akeneo PIM with an integration platform: verify, pull, push; plus a local Akeneo sandbox.")
    .version(version)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  registerCommands(program, ctx);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    return printError(io, error);
  }
}
