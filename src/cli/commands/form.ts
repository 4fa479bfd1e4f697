import { Option, type Command } from "commander";
import { buildForm } from "../../manifest/build-form.js";
import type { FormPart } from "../../manifest/build-config-schema.js";
import { loadManifest } from "../../manifest/load-manifest.js";
import type { CommandContext } from "../main.js";

/**
 * `akeneo-connector form [--part credentials|settings] [--auth-mode connection|app]`: `{ schema, uiSchema }`
 * generated from the manifest; the credentials are a `oneOf` of the auth modes unless one is chosen.
 */
export function registerFormCommand(program: Command, ctx: CommandContext): void {
  program
    .command("form")
    .description("Print the configuration form: { schema (JSON Schema draft-07), uiSchema (react-jsonschema-form) }")
    .addOption(new Option("--part <part>", "only one part of the config").choices(["credentials", "settings"]))
    .option("--auth-mode <mode>", "only this auth mode's credentials: connection or app (default: every mode, as a oneOf)")
    .action((options: { part?: FormPart; authMode?: string }) => {
      const form = buildForm(loadManifest(), { ...(options.part ? { part: options.part } : {}), ...(options.authMode ? { authMode: options.authMode } : {}) });
      ctx.io.stdout.write(`${JSON.stringify(form, null, 2)}\n`);
    });
}
