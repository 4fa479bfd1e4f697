/**
 * Start the Akeneo sandbox: a seeded catalog served over `node:http` on 127.0.0.1, with Akeneo's
 * authentication, endpoints, errors and limits, plus seeded fault injection and a request recorder.
 * Used by the `sandbox` CLI command, the demo, the benchmarks and the tests; never by the runtime.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { systemClock, type Clock } from "../clock.js";
import { ConnectorError } from "../errors.js";
import { AppRegistry, type SandboxApp } from "./auth/app-registry.js";
import type { SandboxCredentials } from "./auth/token-endpoint.js";
import { TokenRegistry } from "./auth/token-registry.js";
import { generateCatalog } from "./catalog/generate-catalog.js";
import { FaultInjector, type FaultOptions } from "./faults/fault-injector.js";
import { createRequestHandler } from "./handle-request.js";
import { RequestRecorder } from "./recorder/request-recorder.js";
import { createRoutes } from "./routes/all-routes.js";
import { Router } from "./routes/router.js";
import type { CatalogSummary } from "./store/catalog-snapshot.js";
import { SandboxStore } from "./store/sandbox-store.js";

export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on, default `127.0.0.1`. */
  host?: string;
  /** Products in the catalog (simple + variant), default 200; about 30 % are variants under product models. */
  products?: number;
  /** Seed of the catalog and of the faults, default 1. */
  seed?: number;
  /** Delay added to every request, ms (shorthand for `faults.latencyMs`). */
  latencyMs?: number;
  /** Faults to inject from the start (see `FaultOptions`). */
  faults?: FaultOptions;
  /** Time source for timestamps, token expiry, latency and the recorder (default: system clock). */
  clock?: Clock;
  /** Credentials the token endpoint accepts (defaults below). */
  credentials?: Partial<SandboxCredentials>;
  /** Lifetime of access tokens, and the `expires_in` reported, seconds (default 3600). */
  accessTokenTtlSeconds?: number;
  /**
   * The Connected App the authorize page approves (defaults in `DEFAULT_APP`). Without `callbackUrl`,
   * the authorize page redirects to the request's `redirect_uri`. Codes live `codeTtlSeconds` (30).
   */
  app?: Partial<SandboxApp>;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`, the base URL to configure a client with. */
  url: string;
  /** The credentials the token endpoint accepts. */
  credentials: SandboxCredentials;
  /** The Connected App the authorize page approves and the App token endpoint knows. */
  app: Readonly<SandboxApp>;
  /** The live catalog: read it to compare, mutate it to simulate changes in the PIM. */
  store: SandboxStore;
  /** Every request received (method, path, query, redacted headers, status, timings, faults). */
  recorder: RequestRecorder;
  /** Counts of the generated catalog. */
  summary: CatalogSummary;
  /** The fault settings in force. */
  readonly faults: Readonly<FaultOptions>;
  /** Replace every fault setting (latency included); `{}` turns them all off. Reseeds the fault generator. */
  setFaults(faults: FaultOptions): void;
  /** Revoke every access and refresh token (a connection whose credentials were regenerated), App tokens included. */
  revokeTokens(): void;
  /** Revoke every App token only (the app was disconnected in the PIM): they answer 401 from now on. */
  revokeAppTokens(): void;
  /** Close every connection, then the server; resolves when no handle is left. */
  close(): Promise<void>;
}

export const DEFAULT_CREDENTIALS: SandboxCredentials = {
  clientId: "sandbox_client_id",
  clientSecret: "sandbox_client_secret",
  username: "sandbox_api_user",
  password: "sandbox_api_password",
};

/** The sandbox's Connected App, unless `startSandbox({ app })` overrides it. */
export const DEFAULT_APP: SandboxApp = { clientId: "sandbox_app_client_id", clientSecret: "sandbox_app_client_secret", codeTtlSeconds: 30 };

/** Generate the catalog and start listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const products = options.products ?? 200;
  if (!Number.isInteger(products) || products < 0) throw new ConnectorError(`[sandbox] products must be a non-negative integer, got ${products}`, { code: "USAGE", kind: "config" });
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? 1;
  const store = new SandboxStore(generateCatalog({ products, seed }), { clock, seed });
  const faults = new FaultInjector({ seed, ...options.faults, latencyMs: options.faults?.latencyMs ?? options.latencyMs });
  const recorder = new RequestRecorder();
  const tokens = new TokenRegistry(clock, options.accessTokenTtlSeconds ?? 3600);
  const credentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const apps = new AppRegistry({ ...DEFAULT_APP, ...options.app }, clock);
  const router = new Router(createRoutes());
  const closing = new AbortController();
  const server = createServer(createRequestHandler({ store, tokens, apps, faults, recorder, credentials, clock, closing: closing.signal }, router));
  const host = options.host ?? "127.0.0.1";
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    credentials,
    app: apps.app,
    store,
    recorder,
    summary: store.summary(),
    get faults() {
      return faults.options;
    },
    setFaults: (next) => faults.set({ seed, ...next }),
    revokeTokens: () => {
      tokens.revokeAll();
      apps.revokeAll();
    },
    revokeAppTokens: () => apps.revokeAll(),
    close: () => {
      closing.abort();
      return closeServer(server);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error && (error as NodeJS.ErrnoException).code !== "ERR_SERVER_NOT_RUNNING" ? reject(error) : resolve()));
  });
}
