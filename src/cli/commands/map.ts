/**
 * `akeneo-connector map`: run a mapping on sample records and print each output (stdout, NDJSON)
 * or each error (stderr). Exit 2 when the mapping does not compile (with its position), 3 when some
 * records failed, 0 otherwise. Parsing and printing only: the work is `mapSample` in src/mapping.
 */
import { Option, type Command } from "commander";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ConnectorError, isValidationError } from "../../errors.js";
import { mapSample } from "../../mapping/map-sample.js";
import { parseRecords } from "../../mapping/parse-records.js";
import type { LookupTables, MappingSettings } from "../../mapping/mapping-types.js";
import { EXIT, type CliIO } from "../io.js";
import type { CommandContext } from "../main.js";

interface MapOptions {
  entity: string;
  direction: "pull" | "push";
  mapping?: string;
  catalog?: string;
  settings?: string;
  channel?: string;
  locales?: string;
  pretty?: boolean;
}

/** Registers `map` on the program; the action sets the exit code through `ctx`. */
export function registerMapCommand(program: Command, ctx: CommandContext): void {
  program
    .command("map")
    .description("Run a mapping on sample records (a file or stdin; NDJSON or one JSON document) and print each output or error")
    .argument("[input]", "input file (default: stdin)")
    .requiredOption("--entity <name>", "entity, e.g. products")
    .addOption(new Option("--direction <direction>", "pull (Akeneo → canonical) or push (canonical → Akeneo)").choices(["pull", "push"]).default("pull"))
    .option("--mapping <file>", "a JSONata mapping to try instead of the default")
    .option("--catalog <file>", "JSON file of attributes and option labels (default: guessed from the input)")
    .option("--settings <file>", "JSON file of settings, or a subscription config (its settings and lookups)")
    .option("--channel <code>", "channel whose values are mapped (overrides the settings)")
    .option("--locales <codes>", "comma-separated locales (overrides the settings)")
    .option("--pretty", "indent each output")
    .action(async (input: string | undefined, options: MapOptions) => ctx.setExitCode(await runMap(ctx.io, input, options)));
}

async function runMap(io: CliIO, input: string | undefined, options: MapOptions): Promise<number> {
  const text = input ? readText(io, input) : await readStream(io.stdin);
  const { settings, lookups } = readSettings(io, options);
  const parsed = parseRecords(text);
  const records = parsed.flatMap((p) => ("record" in p ? [p.record] : []));
  const results = await mapSample({
    entity: options.entity,
    direction: options.direction,
    records,
    settings,
    lookups,
    baseDir: io.cwd,
    ...(options.mapping === undefined ? {} : { mappingFile: options.mapping }),
    ...(options.catalog === undefined ? {} : { catalog: readJson(io, options.catalog) }),
  });
  let failed = 0;
  for (const p of parsed) if ("error" in p) failed += printFailure(io, `[mapping] ${p.error}`);
  for (const result of results) {
    if (result.ok) io.stdout.write(`${JSON.stringify(result.value, null, options.pretty ? 2 : undefined)}\n`);
    else failed += printFailure(io, result.error.message, isValidationError(result.error) ? result.error.issues : []);
  }
  io.stderr.write(`map: ${parsed.length} records, ${parsed.length - failed} mapped, ${failed} failed\n`);
  return failed > 0 ? EXIT.REJECTED : EXIT.OK;
}

function printFailure(io: CliIO, message: string, issues: Array<{ path: string; message: string }> = []): number {
  io.stderr.write(`error: ${message}\n`);
  for (const issue of issues) io.stderr.write(`  ${issue.path || "(root)"}: ${issue.message}\n`);
  return 1;
}

function readSettings(io: CliIO, options: MapOptions): { settings: Partial<MappingSettings>; lookups: LookupTables } {
  const file = options.settings === undefined ? {} : readJson(io, options.settings);
  const isConfig = typeof file === "object" && file !== null && "settings" in file;
  const source = (isConfig ? (file as { settings: unknown }).settings : file) as Record<string, unknown>;
  const { lookups, ...rest }: Record<string, unknown> = { ...source, ...(isConfig ? { lookups: (file as { lookups?: unknown }).lookups } : {}) };
  const settings: Record<string, unknown> = rest;
  if (options.channel !== undefined) settings["channel"] = options.channel;
  if (options.locales !== undefined) settings["locales"] = options.locales.split(",").map((l) => l.trim()).filter(Boolean);
  return { settings: settings as Partial<MappingSettings>, lookups: (lookups ?? {}) as LookupTables };
}

function readText(io: CliIO, path: string): string {
  try {
    return readFileSync(resolve(io.cwd, path), "utf8");
  } catch (error) {
    throw new ConnectorError(`[mapping] cannot read ${path}: ${(error as Error).message}`, { code: "CONFIG_NOT_FOUND", kind: "config" });
  }
}

function readJson(io: CliIO, path: string): unknown {
  try {
    return JSON.parse(readText(io, path));
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    throw new ConnectorError(`[mapping] ${path} is not valid JSON: ${(error as Error).message}`, { code: "CONFIG_INVALID", kind: "config" });
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}
