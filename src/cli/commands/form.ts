import { Option, type Command } from "commander";
import { buildForm } from "../../manifest/build-form.js";
import type { FormPart } from "../../manifest/build-config-schema.js";
import { loadManifest } from "../../manifest/load-manifest.js";
import type { CommandContext } from "../main.js";

/** `akeneo-connector form [--part credentials|settings]`: `{ schema, uiSchema }` generated from the manifest. */
export function registerFormCommand(program: Command, ctx: CommandContext): void {
  program
    .command("form")
    .description("Print the configuration form: { schema (JSON Schema draft-07), uiSchema (react-jsonschema-form) }")
    .addOption(new Option("--part <part>", "only one part of the config").choices(["credentials", "settings"]))
    .action((options: { part?: FormPart }) => {
      const form = buildForm(loadManifest(), options.part ? { part: options.part } : {});
      ctx.io.stdout.write(`${JSON.stringify(form, null, 2)}\n`);
    });
}
