/**
 * Check 4: for every entity the subscription enables, a minimal read (one page of `SAMPLE_SIZE` items) succeeds.
 * A 403 names the entity and the Web API permission its role lacks (or the App scope); a 404 points at
 * the edition or Enterprise permissions. Attribute options are nested under a select attribute: the
 * first one found is read, and a PIM without select attributes has no options to read (not a failure).
 */
import type { AkeneoClient } from "../akeneo/akeneo-client.js";
import { getEntityDefinition, type EntityDefinition } from "../manifest/entity-definitions.js";
import { describeAccessFailure, type AccessFailure } from "./describe-access-failure.js";
import { describeMissingPermissions } from "./entity-permissions.js";
import { findParentKey } from "./find-parent-key.js";
import { requireSubscription } from "./require-subscription.js";
import { SAMPLE_SIZE } from "./sample-pull.js";
import type { VerifyCheck, VerifyContext } from "./verify-types.js";

/** `forEntity`: the entity whose permission is missing (the parent, when reading it failed). */
type EntityResult = { entity: string; ok: true; note?: string } | ({ entity: string; ok: false; forEntity: string } & AccessFailure);

/** `permissions`: one small read per enabled entity. */
export const permissions: VerifyCheck = {
  name: "permissions",
  title: "Permissions are sufficient",
  dependsOn: ["authentication"],
  async run(ctx) {
    const { config, subscription } = requireSubscription(ctx);
    const { entities, productIdFormat } = config.settings;
    const results = await Promise.all(entities.map((entity) => readOne(ctx, subscription.client, getEntityDefinition(entity, { productIdFormat }))));
    const failed = results.filter((result): result is Extract<EntityResult, { ok: false }> => !result.ok);
    const notes = results.flatMap((result) => (result.ok && result.note ? [`${result.entity}: ${result.note}`] : []));
    const details = { entities: Object.fromEntries(results.map((r) => [r.entity, r.ok ? "ok" : (r.status ?? r.code ?? "failed")])) };
    if (failed.length === 0) {
      const read = `read access to ${entities.length} ${entities.length === 1 ? "entity" : "entities"}`;
      return { status: "pass", message: [read, ...notes].join("; ") + "; write access is tried only by sample-push with --write", details };
    }
    const forbidden = failed.filter((f) => f.status === 403);
    const others = failed.filter((f) => f.status !== 403);
    const fix: string[] = [];
    if (forbidden.length === entities.length) fix.push('every read was refused: check first that the role has "Overall Web API access" (pim_api_overall_access)');
    if (forbidden.length > 0) fix.push(`${forbidden.map((f) => f.forEntity).join(", ")}: ${describeMissingPermissions([...new Set(forbidden.map((f) => f.forEntity))])}`);
    fix.push(...others.map((f) => f.fix));
    const refused = forbidden.length > 1 ? [`${forbidden.length} entities were refused with 403 (${forbidden.map((f) => f.entity).join(", ")}); first: ${forbidden[0]!.message}`] : forbidden.map((f) => f.message);
    return { status: "fail", message: [...refused, ...others.map((f) => f.message)].join("; "), fix: [...new Set(fix)].join("\n"), details };
  },
};

async function readOne(ctx: VerifyContext, client: AkeneoClient, def: EntityDefinition): Promise<EntityResult> {
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  let pathParams: Record<string, string> | undefined;
  if (def.parent) {
    let parentKey: string | null;
    try {
      parentKey = await findParentKey(ctx, client, def);
    } catch (error) {
      const failure = describeAccessFailure(def.parent.entity, error, `reading ${def.parent.entity} (to find the parent of ${def.name})`);
      return { entity: def.name, ok: false, forEntity: def.parent.entity, ...failure };
    }
    if (parentKey === null) return { entity: def.name, ok: true, note: `none of the ${def.parent.entity} qualifies as their parent, nothing to read` };
    pathParams = { [def.parent.pathParam]: parentKey };
  }
  try {
    // As many items as sample-pull maps: where its request would be this one, it takes this page.
    const page = await client.listPage(def, { pageSize: SAMPLE_SIZE, ...(pathParams ? { pathParams } : {}), ...signal });
    if (def.filters.length === 0) (ctx.firstPages ??= new Map()).set(def.name, page);
    return { entity: def.name, ok: true };
  } catch (error) {
    const what = pathParams ? `reading a few items of ${Object.values(pathParams).join("/")}` : "reading a few items";
    return { entity: def.name, ok: false, forEntity: def.name, ...describeAccessFailure(def.name, error, what) };
  }
}
