/**
 * permissions with a stub client (no I/O): a PIM without select attributes has no attribute options
 * to read (not a failure); a 404 points at the edition and Enterprise permissions; /products-uuid
 * missing points at productIdFormat.
 */
import { describe, expect, it } from "vitest";
import type { AkeneoClient, Page } from "../../src/akeneo/akeneo-client.js";
import { systemClock } from "../../src/clock.js";
import type { SubscriptionConfig } from "../../src/config/subscription-config.js";
import { HttpError } from "../../src/errors.js";
import type { Subscription } from "../../src/flows/subscription.js";
import { silentLogger } from "../../src/logger.js";
import { permissions } from "../../src/verify/permissions.js";
import type { VerifyContext } from "../../src/verify/verify-types.js";

function contextWith(entities: string[], client: Partial<AkeneoClient>): VerifyContext {
  const config = { settings: { entities, productIdFormat: "uuid" } } as unknown as SubscriptionConfig;
  return { write: false, clock: systemClock, logger: silentLogger, samples: new Map(), config, subscription: { config, client } as unknown as Subscription };
}

const notFound = (path: string) =>
  new HttpError(`[akeneo] listing failed: GET ${path} → 404`, { code: "HTTP_NOT_FOUND", kind: "data", status: 404, method: "GET", url: path, akeneoMessage: "Not found" });

describe("permissions (stub client)", () => {
  it("attribute options on a PIM without select attributes: passes, nothing to read", async () => {
    let listed = 0;
    const client: Partial<AkeneoClient> = {
      async *iteratePages(): AsyncIterable<Page> {
        yield { items: [{ code: "sku", type: "pim_catalog_identifier" }, { code: "name", type: "pim_catalog_text" }] };
      },
      listPage: async () => ((listed += 1), { items: [] }),
    };
    const outcome = await permissions.run(contextWith(["attribute_options"], client));
    expect(outcome.status).toBe("pass");
    expect(outcome.message).toMatch(/attribute_options: none of the attributes qualifies as their parent, nothing to read/);
    expect(listed).toBe(0);
  });

  it("a 404 names the entity and points at the edition and Enterprise permissions", async () => {
    const client: Partial<AkeneoClient> = { listPage: async () => Promise.reject(notFound("/api/rest/v1/families?limit=1")) };
    const outcome = await permissions.run(contextWith(["families"], client));
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe('families: reading a few items answered 404 (GET /api/rest/v1/families): Akeneo says "Not found"');
    expect(outcome.fix).toMatch(/edition and version.*Enterprise permissions/);
  });

  it("a 404 on /products-uuid says to key products by identifier", async () => {
    const client: Partial<AkeneoClient> = { listPage: async () => Promise.reject(notFound("/api/rest/v1/products-uuid?limit=1")) };
    const outcome = await permissions.run(contextWith(["products"], client));
    expect(outcome.fix).toMatch(/productIdFormat to "identifier"/);
  });
});
