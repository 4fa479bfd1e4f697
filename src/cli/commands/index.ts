/** Every CLI command, registered in the order `--help` lists them. One line per command file. */
import type { Command } from "commander";
import type { CommandContext } from "../main.js";
import { registerAppCommand } from "./app.js";
import { registerDemoCommand } from "./demo.js";
import { registerFormCommand } from "./form.js";
import { registerManifestCommand } from "./manifest.js";
import { registerMapCommand } from "./map.js";
import { registerPullCommand } from "./pull.js";
import { registerPushCommand } from "./push.js";
import { registerSandboxCommand } from "./sandbox.js";
import { registerValidateConfigCommand } from "./validate-config.js";
import { registerVerifyCommand } from "./verify.js";

export function registerCommands(program: Command, ctx: CommandContext): void {
  registerManifestCommand(program, ctx);
  registerFormCommand(program, ctx);
  registerValidateConfigCommand(program, ctx);
  registerVerifyCommand(program, ctx);
  registerMapCommand(program, ctx);
  registerPullCommand(program, ctx);
  registerPushCommand(program, ctx);
  registerAppCommand(program, ctx);
  registerSandboxCommand(program, ctx);
  registerDemoCommand(program, ctx);
}
