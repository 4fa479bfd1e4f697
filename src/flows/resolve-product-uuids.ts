/**
 * Products are keyed by uuid end to end (USERS.md #7), but a platform often knows only the SKU. A
 * pushed product without a uuid is matched to the PIM's product by its identifier (one search per
 * batch, `IN` on the identifier attribute), and a product the PIM does not have yet gets a new
 * uuid, so it is created. Lines with neither a uuid nor an identifier are left as they are (Akeneo
 * answers them "Uuid is missing.", reported as rejected).
 */
import { randomUUID } from "node:crypto";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { FlowClient } from "./flow-types.js";
import type { PreparedPush } from "./prepare-push-item.js";

export async function resolveProductUuids(
  client: Pick<FlowClient, "iteratePages">,
  definition: EntityDefinition,
  identifierAttribute: string,
  batch: PreparedPush[],
  signal?: AbortSignal,
): Promise<void> {
  const missing = batch.filter((p) => typeof p.payload["uuid"] !== "string" || p.payload["uuid"] === "");
  const identifierOf = (p: PreparedPush) => {
    const entries = (p.payload["values"] as Record<string, Array<{ data?: unknown }>> | undefined)?.[identifierAttribute];
    const data = entries?.[0]?.data;
    return typeof data === "string" && data !== "" ? data : undefined;
  };
  const identifiers = [...new Set(missing.map(identifierOf).filter((id): id is string => id !== undefined))];
  if (identifiers.length === 0) return;
  const known = new Map<string, string>();
  const params = { pageSize: 100, search: { [identifierAttribute]: [{ operator: "IN", value: identifiers }] }, attributes: [identifierAttribute], ...(signal ? { signal } : {}) };
  for await (const page of client.iteratePages(definition, params)) {
    for (const item of page.items) {
      const values = item["values"] as Record<string, Array<{ data?: unknown }>> | undefined;
      const id = values?.[identifierAttribute]?.[0]?.data;
      if (typeof id === "string" && typeof item["uuid"] === "string") known.set(id, item["uuid"]);
    }
  }
  for (const p of missing) {
    const id = identifierOf(p);
    if (id === undefined) continue;
    const uuid = known.get(id) ?? randomUUID();
    p.payload = { uuid, ...p.payload };
    p.key = uuid;
  }
}
