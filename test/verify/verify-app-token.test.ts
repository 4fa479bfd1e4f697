/** The authentication check of a Connected App, with a stub client: a 401 is final, a 403 is permissions' business. */
import { describe, expect, it } from "vitest";
import type { AkeneoClient } from "../../src/akeneo/akeneo-client.js";
import { ConnectorError, HttpError } from "../../src/errors.js";
import type { Subscription } from "../../src/flows/subscription.js";
import { createMemoryStateStore } from "../../src/state/state-store.js";
import { verifyAppToken } from "../../src/verify/verify-app-token.js";

const subscriptionWith = (listPage: AkeneoClient["listPage"]) =>
  ({
    config: { credentials: { authMode: "app", baseUrl: "http://127.0.0.1:1", clientId: "app" }, settings: { entities: ["attribute_options", "categories"], productIdFormat: "uuid" } },
    client: { listPage },
    state: createMemoryStateStore(),
  }) as unknown as Subscription;

describe("verifyAppToken", () => {
  it("a token that reads: pass", async () => {
    expect(await verifyAppToken(subscriptionWith(async () => ({ items: [] })))).toMatchObject({ status: "pass" });
  });

  it("a revoked token: fail, authorize the app again", async () => {
    const revoked = new ConnectorError("[auth] the app's access token was refused: GET /api/rest/v1/categories → 401", { code: "AUTH_REVOKED", kind: "auth", status: 401 });
    const outcome = await verifyAppToken(subscriptionWith(async () => Promise.reject(revoked)));
    expect(outcome).toMatchObject({ status: "fail", details: { code: "AUTH_REVOKED" } });
    expect(outcome.fix).toMatch(/akeneo-connector app authorize/);
  });

  it("a 403: the token is good, permissions will say what is missing", async () => {
    const forbidden = new HttpError("[akeneo] listing categories failed: GET /api/rest/v1/categories → 403", { code: "HTTP_FORBIDDEN", kind: "config", status: 403 });
    const outcome = await verifyAppToken(subscriptionWith(async () => Promise.reject(forbidden)));
    expect(outcome).toMatchObject({ status: "pass" });
    expect(outcome.message).toMatch(/reading categories answered 403: see permissions/);
  });
});
