/**
 * Check 5: what the settings name exists in this PIM: the channel, each locale (enabled, and activated
 * for the channel), each family and category of the filters. The attributes named for the common
 * fields (name, description, price) are only warned about: the mappings tolerate their absence.
 */
import type { AkeneoClient, AkeneoRecord } from "../akeneo/akeneo-client.js";
import type { SubscriptionSettings } from "../config/subscription-config.js";
import { isHttpError } from "../errors.js";
import { getEntityDefinition } from "../manifest/entity-definitions.js";
import { describeAccessFailure } from "./describe-access-failure.js";
import { requireSubscription } from "./require-subscription.js";
import type { CheckOutcome, VerifyCheck } from "./verify-types.js";

interface Finding {
  message: string;
  fix: string;
}

type Lookup = { record: AkeneoRecord } | { missing: true } | { failure: Finding };

/** `settings-exist`: the channel, locales, filter families and categories. */
export const settingsExist: VerifyCheck = {
  name: "settings-exist",
  title: "Settings exist in the PIM",
  dependsOn: ["authentication"],
  async run(ctx) {
    const { config, subscription } = requireSubscription(ctx);
    const { settings } = config;
    const lookup = createLookup(subscription.client, ctx.signal);
    const problems: Finding[] = [];
    const channel = await lookup("channels", settings.channel);
    if ("failure" in channel) problems.push(channel.failure);
    if ("missing" in channel) problems.push(await missingChannel(subscription.client, settings.channel));
    const channelLocales = "record" in channel ? stringList(channel.record["locales"]) : undefined;
    const checks = [
      // A locale the channel lists exists and is activated: only the others are read, to say which it is.
      ...settings.locales.map(async (code) => (channelLocales?.includes(code) ? undefined : localeProblem(code, await lookup("locales", code), settings.channel, channelLocales))),
      ...settings.filters.families.map(async (code) => codeProblem("family", "settings.filters.families", code, await lookup("families", code))),
      ...settings.filters.categories.map(async (code) => codeProblem("category", "settings.filters.categories", code, await lookup("categories", code))),
    ];
    problems.push(...(await Promise.all(checks)).filter((p): p is Finding => p !== undefined));
    const warnings = problems.length === 0 ? await attributeWarnings(settings, subscription.client, ctx.signal) : [];
    const found = `channel ${settings.channel} (locales ${settings.locales.join(", ")})` + counted(settings.filters.families.length, "family", "families") + counted(settings.filters.categories.length, "category", "categories");
    const details = { channel: settings.channel, locales: settings.locales, families: settings.filters.families, categories: settings.filters.categories };
    if (problems.length > 0) return outcome("fail", problems, details);
    if (warnings.length > 0) return { ...outcome("warn", warnings, details), message: `${found} exist; ${warnings.map((w) => w.message).join("; ")}` };
    return { status: "pass", message: `${found} exist`, details };
  },
};

function createLookup(client: AkeneoClient, signal: AbortSignal | undefined): (entity: string, code: string) => Promise<Lookup> {
  return async (entity, code) => {
    try {
      return { record: await client.get(getEntityDefinition(entity), code, undefined, signal ? { signal } : {}) };
    } catch (error) {
      if (isHttpError(error) && error.status === 404) return { missing: true };
      const failure = describeAccessFailure(entity, error, `reading ${entity} "${code}"`);
      return { failure: { message: failure.message, fix: failure.fix } };
    }
  };
}

async function missingChannel(client: AkeneoClient, code: string): Promise<Finding> {
  let known: string[] = [];
  try {
    const page = await client.listPage(getEntityDefinition("channels"), { pageSize: 100 });
    known = page.items.map((item) => item["code"]).filter((c): c is string => typeof c === "string");
  } catch {
    // the suggestion is optional
  }
  const choose = known.length > 0 ? ` to one of: ${known.join(", ")}` : " to an existing channel code (Settings → Channels)";
  return { message: `channel "${code}" (settings.channel) does not exist in this PIM`, fix: `set settings.channel${choose}` };
}

function localeProblem(code: string, found: Lookup, channel: string, channelLocales: string[] | undefined): Finding | undefined {
  if ("failure" in found) return found.failure;
  const theirs = channelLocales ? ` (channel ${channel} has: ${channelLocales.join(", ")})` : "";
  if ("missing" in found) return { message: `locale "${code}" (settings.locales) does not exist`, fix: `settings.locales: use locale codes of the channel${theirs}` };
  if (found.record["enabled"] === false) {
    return { message: `locale "${code}" is not activated in any channel`, fix: `activate ${code} for channel ${channel} (Settings → Channels → ${channel} → Locales), or remove it from settings.locales` };
  }
  if (channelLocales && !channelLocales.includes(code)) {
    return { message: `locale "${code}" is not activated for channel ${channel}${theirs}`, fix: `activate ${code} for channel ${channel} (Settings → Channels → ${channel} → Locales), or remove it from settings.locales` };
  }
  return undefined;
}

function codeProblem(kind: string, field: string, code: string, found: Lookup): Finding | undefined {
  if ("failure" in found) return found.failure;
  if ("missing" in found) return { message: `${kind} "${code}" (${field}) does not exist`, fix: `${field}: correct "${code}" (codes are case-sensitive) or remove it` };
  return undefined;
}

async function attributeWarnings(settings: SubscriptionSettings, client: AkeneoClient, signal: AbortSignal | undefined): Promise<Finding[]> {
  if (!settings.entities.some((entity) => getEntityDefinition(entity).values)) return [];
  const named: Array<[string, string, string | undefined]> = [
    ["nameAttribute", settings.nameAttribute, undefined],
    ["descriptionAttribute", settings.descriptionAttribute, undefined],
    ["priceAttribute", settings.priceAttribute, "pim_catalog_price_collection"],
  ];
  // One request for the three: `code IN` (NOTES §4).
  const codes = [...new Set(named.map(([, code]) => code))];
  let found: Map<string, AkeneoRecord>;
  try {
    const page = await client.listPage(getEntityDefinition("attributes"), { pageSize: 100, search: { code: [{ operator: "IN", value: codes }] }, ...(signal ? { signal } : {}) });
    found = new Map(page.items.map((item) => [String(item["code"]), item]));
  } catch {
    return []; // a read failure here is reported by permissions
  }
  return named.flatMap(([field, code, type]): Finding[] => {
    const record = found.get(code);
    if (!record) return [{ message: `attribute "${code}" (settings.${field}) does not exist, so that canonical field stays empty`, fix: `settings.${field}: name an existing attribute code` }];
    if (type && record["type"] !== type) {
      return [{ message: `attribute "${code}" (settings.${field}) is a ${String(record["type"])}, not a price collection`, fix: `settings.${field}: name a price collection attribute` }];
    }
    return [];
  });
}

function outcome(status: "fail" | "warn", findings: Finding[], details: Record<string, unknown>): CheckOutcome {
  return { status, message: findings.map((f) => f.message).join("; "), fix: [...new Set(findings.map((f) => f.fix))].join("\n"), details };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

function counted(n: number, one: string, many: string): string {
  return n === 0 ? "" : `, ${n} ${n === 1 ? one : many}`;
}
