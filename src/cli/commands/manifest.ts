import type { Command } from "commander";
import { loadManifest } from "../../manifest/load-manifest.js";
import { summarizeManifest } from "../../manifest/summarize-manifest.js";
import type { CommandContext } from "../main.js";

/** `akeneo-connector manifest [--summary]`: the manifest as JSON, or a short human summary. */
export function registerManifestCommand(program: Command, ctx: CommandContext): void {
  program
    .command("manifest")
    .description("Print the connector manifest (JSON), or a short summary with --summary")
    .option("--summary", "print name, version, credential fields, settings, entities and checks instead")
    .action((options: { summary?: boolean }) => {
      const manifest = loadManifest();
      ctx.io.stdout.write(options.summary ? summarizeManifest(manifest) : `${JSON.stringify(manifest, null, 2)}\n`);
    });
}
