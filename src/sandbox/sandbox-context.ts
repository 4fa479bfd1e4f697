/** Everything a request handler can reach: the catalog, tokens, faults, recorder, credentials and clock. */
import type { Clock } from "../clock.js";
import type { AppRegistry } from "./auth/app-registry.js";
import type { SandboxCredentials } from "./auth/token-endpoint.js";
import type { TokenRegistry } from "./auth/token-registry.js";
import type { FaultInjector } from "./faults/fault-injector.js";
import type { RequestRecorder } from "./recorder/request-recorder.js";
import type { SandboxStore } from "./store/sandbox-store.js";

export interface SandboxContext {
  store: SandboxStore;
  tokens: TokenRegistry;
  /** The Connected App: authorization codes and App tokens. */
  apps: AppRegistry;
  faults: FaultInjector;
  recorder: RequestRecorder;
  credentials: SandboxCredentials;
  clock: Clock;
  /** Aborted when the sandbox closes, so pending latency sleeps end at once. */
  closing: AbortSignal;
}
