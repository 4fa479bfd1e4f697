/** Helpers shared by the client-against-sandbox tests: a client on a sandbox, and a full product pull. */
import { Agent } from "undici";
import type { AkeneoClient } from "../../src/akeneo/akeneo-client.js";
import type { AkeneoClientOptions } from "../../src/akeneo/client-options.js";
import { createAkeneoClient } from "../../src/akeneo/create-akeneo-client.js";
import { getEntityDefinition } from "../../src/manifest/entity-definitions.js";
import type { Sandbox } from "../../src/sandbox/index.js";

export interface SandboxClient {
  client: AkeneoClient;
  close(): Promise<void>;
}

/** A real client (system clock, real throttle and retries) on `sandbox`, with a short-lived keep-alive Agent. */
export function clientFor(sandbox: Sandbox, options: Partial<AkeneoClientOptions> = {}): SandboxClient {
  const agent = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
  const client = createAkeneoClient({ baseUrl: sandbox.url, auth: { type: "password", ...sandbox.credentials }, dispatcher: agent, ...options });
  return {
    client,
    close: async () => {
      await client.close();
      await agent.close();
    },
  };
}

/** Every product of a full pull (uuid keyed, `_links` removed), as one JSON string, plus the uuids seen. */
export async function pullAllProducts(client: AkeneoClient): Promise<{ json: string; uuids: string[] }> {
  const items: Array<Record<string, unknown>> = [];
  for await (const item of client.iterate(getEntityDefinition("products"), { pageSize: 100 })) {
    const { _links: _ignored, ...product } = item;
    items.push(product);
  }
  return { json: JSON.stringify(items), uuids: items.map((item) => item.uuid as string) };
}
