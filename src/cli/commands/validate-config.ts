import type { Command } from "commander";
import { loadConfig } from "../../config/load-config.js";
import type { CommandContext } from "../main.js";

/**
 * `akeneo-connector validate-config --config <file>`: every problem at once (exit 2), or one OK line
 * with the base URL and the enabled entities (exit 0). Never prints a secret.
 */
export function registerValidateConfigCommand(program: Command, ctx: CommandContext): void {
  program
    .command("validate-config")
    .description("Check a subscription config file (and AKENEO_* overrides) without contacting the PIM")
    .requiredOption("-c, --config <file>", "subscription config file (JSON)")
    .action((options: { config: string }) => {
      const config = loadConfig(options.config, { env: ctx.io.env, cwd: ctx.io.cwd });
      const entities = config.settings.entities.join(", ");
      const { credentials } = config;
      const app = credentials.authMode === "app" ? ` (Connected App, scopes: ${credentials.scopes.join(" ")})` : "";
      ctx.io.stdout.write(`OK: ${options.config} is valid: ${credentials.baseUrl}${app}, entities: ${entities}\n`);
    });
}
