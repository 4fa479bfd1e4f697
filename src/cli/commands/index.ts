/** Every CLI command, registered in the order `--help` lists them. One line per command file. */
import type { Command } from "commander";
import type { CommandContext } from "../main.js";

export function registerCommands(program: Command, ctx: CommandContext): void {
  void program;
  void ctx;
}
