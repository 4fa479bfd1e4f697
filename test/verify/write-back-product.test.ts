/**
 * The opt-in write of sample-push, against the sandbox: a payload that would change the product is
 * detected by reading it back, and the previous data is written back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";
import { writeBackProduct } from "../../src/verify/write-back-product.js";
import { sandboxConfig, sandboxSubscription } from "../helpers/sandbox-subscription.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ products: 20, seed: 5 });
});
afterAll(() => sandbox.close());

describe("writeBackProduct", () => {
  it("a write that changes the product fails, names the changed paths, and restores the product", async () => {
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
    const def = getEntityDefinition("products");
    const product = sandbox.store.catalog().products.find((p) => typeof p["family"] === "string")!;
    const uuid = product["uuid"] as string;
    const strip = () => {
      const { updated: _updated, ...rest } = sandbox.store.catalog().products.find((p) => p["uuid"] === uuid)!;
      return rest;
    };
    const before = strip();
    const payload = { uuid, enabled: !product["enabled"], values: { name: [{ locale: "en_US", scope: null, data: "Changed by a broken mapping" }] } };
    try {
      const outcome = await writeBackProduct(subscription.client, def, uuid, payload);
      expect(outcome.status).toBe("fail");
      expect(outcome.message).toMatch(new RegExp(`writing product ${uuid} back changed it: .*/enabled`));
      expect(outcome.message).toMatch(/\/values\/name\//);
      expect(outcome.details).toMatchObject({ restored: true });
      expect(strip()).toEqual(before);
    } finally {
      await subscription.close();
    }
  });

  it("a 403 names the permission to grant (here the read before the write)", async () => {
    const subscription = sandboxSubscription(sandbox, sandboxConfig(sandbox));
    const product = sandbox.store.catalog().products[0]!;
    sandbox.setFaults({ forbidden: ["/api/rest/v1/products-uuid"] });
    try {
      const outcome = await writeBackProduct(subscription.client, getEntityDefinition("products"), product["uuid"] as string, { uuid: product["uuid"] });
      expect(outcome).toMatchObject({ status: "fail", details: { status: 403 } });
      expect(outcome.message).toMatch(/^products: reading product .* was refused with 403/);
      expect(outcome.fix).toMatch(/"List products" \(pim_api_product_list\).*read_products/);
    } finally {
      sandbox.setFaults({});
      await subscription.close();
    }
  });
});
