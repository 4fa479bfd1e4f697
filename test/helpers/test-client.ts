/** A client wired for tests: a short-lived keep-alive Agent, a manual clock and deterministic jitter. */
import { Agent } from "undici";
import type { AkeneoClient } from "../../src/akeneo/akeneo-client.js";
import type { AkeneoClientOptions } from "../../src/akeneo/client-options.js";
import { createAkeneoClient } from "../../src/akeneo/create-akeneo-client.js";
import { createManualClock, type ManualClock } from "./manual-clock.js";
import { TEST_CREDENTIALS } from "./scripted-server.js";

export interface TestClient {
  client: AkeneoClient;
  clock: ManualClock;
  agent: Agent;
  close(): Promise<void>;
}

/** A password-grant client on `url`; `random` is 1, so backoff delays are exactly 500, 1000, 2000 … ms. */
export function createTestClient(url: string, overrides: Partial<AkeneoClientOptions> & { clock?: ManualClock } = {}): TestClient {
  const clock = overrides.clock ?? createManualClock();
  const agent = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
  const client = createAkeneoClient({
    baseUrl: url,
    auth: { type: "password", ...TEST_CREDENTIALS },
    dispatcher: agent,
    retry: { random: () => 1 },
    ...overrides,
    clock,
  });
  return {
    client,
    clock,
    agent,
    close: async () => {
      await client.close();
      await agent.close();
    },
  };
}

/** Poll `condition` in real time (for events that depend on real I/O). */
export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("waitFor: timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Drive a manual (non-auto) clock while real I/O happens: whenever nothing moved for `idleMs` of real time,
 * fire the earliest timer. Resolves with `work`'s result.
 */
export async function driveClock<T>(clock: ManualClock, work: Promise<T>, idleMs = 15): Promise<T> {
  let finished = false;
  const guarded = work.finally(() => {
    finished = true;
  });
  while (!finished) {
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    if (!finished) await clock.runNext();
  }
  return guarded;
}
