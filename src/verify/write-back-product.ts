/**
 * The opt-in write of sample-push (`--write`): one sampled product is PATCHed with its mapped push
 * payload, which equals the original on every mapped field, then read back. The values before and
 * after must be the same (`updated` may move); this proves the write permission without altering data.
 */
import type { AkeneoClient, AkeneoRecord } from "../akeneo/akeneo-client.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import { describeAccessFailure } from "./describe-access-failure.js";
import { diffRecords } from "./diff-records.js";
import type { CheckOutcome } from "./verify-types.js";

/** Fields Akeneo changes on a write that changes nothing else. */
const VOLATILE = ["updated", "_links"];

/** Write `payload` back to product `key` and compare the product before and after. */
export async function writeBackProduct(client: AkeneoClient, def: EntityDefinition, key: string, payload: Record<string, unknown>, signal?: AbortSignal): Promise<CheckOutcome> {
  const options = signal ? { signal } : {};
  let before: AkeneoRecord;
  let after: AkeneoRecord;
  let step: { what: string; direction: "pull" | "push" } = { what: `reading product ${key}`, direction: "pull" };
  try {
    before = await client.get(def, key, undefined, options);
    step = { what: `writing product ${key} back`, direction: "push" };
    const [result] = await client.upsertBatch(def, [payload], undefined, options);
    if (!result || result.outcome === "rejected") {
      const errors = (result?.errors ?? []).map((e) => `${e.property ?? e.attribute ?? ""} ${e.message}`.trim());
      return {
        status: "fail",
        message: `writing product ${key} back was rejected (${result?.status ?? "no answer"}): ${[result?.message, ...errors].filter(Boolean).join("; ")}`,
        fix: "the push mapping produces a payload Akeneo refuses: correct mappings.products.push, or check the product's family and attributes",
        details: { key, status: result?.status },
      };
    }
    step = { what: `reading product ${key} back`, direction: "pull" };
    after = await client.get(def, key, undefined, options);
  } catch (error) {
    const failure = describeAccessFailure("products", error, step.what, step.direction);
    return { status: "fail", message: failure.message, fix: failure.fix, details: { key, ...(failure.status ? { status: failure.status } : {}) } };
  }
  const changed = diffRecords(before, after, { ignore: VOLATILE });
  if (changed.length > 0) {
    const restored = await restoreProduct(client, def, key, before, after, options);
    return {
      status: "fail",
      message: `writing product ${key} back changed it: ${changed.join(", ")}; ${restored ? "the previous data was written back" : "restoring the previous data failed: check the product in the PIM (its history shows the change)"}`,
      fix: "the push mapping does not reproduce the product: correct mappings.products.push so a pulled record pushes back unchanged",
      details: { key, changed, restored },
    };
  }
  return { status: "pass", message: `product ${key} written back unchanged (PATCH) and read back equal`, details: { key, written: true } };
}

/** Best effort: PATCH the fields and attribute values that changed back to what they were (absent → null). */
async function restoreProduct(client: AkeneoClient, def: EntityDefinition, key: string, before: AkeneoRecord, after: AkeneoRecord, options: { signal?: AbortSignal }): Promise<boolean> {
  const patch: Record<string, unknown> = { [def.key]: key };
  const fields = new Set([...Object.keys(before), ...Object.keys(after)].filter((f) => !VOLATILE.includes(f) && f !== "values" && f !== def.key));
  for (const field of fields) if (diffRecords(before[field], after[field]).length > 0) patch[field] = before[field] ?? null;
  const valuesBefore = (before["values"] ?? {}) as Record<string, Array<Record<string, unknown>>>;
  const valuesAfter = (after["values"] ?? {}) as Record<string, Array<Record<string, unknown>>>;
  const values: Record<string, unknown[]> = {};
  for (const attribute of new Set([...Object.keys(valuesBefore), ...Object.keys(valuesAfter)])) {
    const old = valuesBefore[attribute] ?? [];
    const now = valuesAfter[attribute] ?? [];
    if (diffRecords(old, now).length === 0) continue;
    const cleared = now.filter((n) => !old.some((o) => o["locale"] === n["locale"] && o["scope"] === n["scope"])).map((n) => ({ locale: n["locale"] ?? null, scope: n["scope"] ?? null, data: null }));
    values[attribute] = [...old.map(({ locale, scope, data }) => ({ locale, scope, data })), ...cleared];
  }
  if (Object.keys(values).length > 0) patch["values"] = values;
  try {
    const [result] = await client.upsertBatch(def, [patch], undefined, options);
    return result !== undefined && result.outcome !== "rejected";
  } catch {
    return false;
  }
}
