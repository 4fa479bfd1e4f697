/**
 * A subscription: one config bound to a client, its compiled mappings and a state store. It is
 * what a host runs (DESIGN.md): `pull` and `push` per entity, and `verify`. Mappings are compiled
 * when the subscription is created, so a broken mapping stops everything before any request.
 */
import { randomUUID } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Dispatcher } from "undici";
import type { AkeneoClient } from "../akeneo/akeneo-client.js";
import { createAkeneoClient } from "../akeneo/create-akeneo-client.js";
import { buildSearch } from "../akeneo/build-search.js";
import type { AppToken } from "../auth/load-app-token.js";
import { resolveClientAuth } from "../auth/resolve-client-auth.js";
import type { TokenStore } from "../auth/token-store.js";
import { systemClock, type Clock } from "../clock.js";
import type { SubscriptionConfig } from "../config/subscription-config.js";
import { ConnectorError } from "../errors.js";
import { silentLogger, type Logger } from "../logger.js";
import { getEntityDefinition, type EntityDefinition } from "../manifest/entity-definitions.js";
import { compileMapping, type CompiledMapping } from "../mapping/compile-mapping.js";
import { createMapper } from "../mapping/create-mapper.js";
import type { Mapper, MappingDirection } from "../mapping/mapping-types.js";
import { createMemoryStateStore, type StateStore } from "../state/state-store.js";
import { createCatalogLoader } from "./catalog-loader.js";
import { numberRecords } from "./ndjson.js";
import type { PreparedPush, PushItem } from "./prepare-push-item.js";
import { resolveProductUuids } from "./resolve-product-uuids.js";
import { pullEntity, type PullBatch, type PullOptions, type PullReport } from "./pull-entity.js";
import { pushEntity, type PushOptions } from "./push-entity.js";
import type { PushReport, PushResult } from "./push-report.js";
import type { VerifyOptions, VerifyReport } from "../verify/verify-types.js";
import { verifySubscription } from "../verify/verify-subscription.js";

export interface SubscriptionOptions {
  /** Where watermarks and checkpoints live. Default: in memory (nothing survives the process). */
  state?: StateStore;
  /** Structured, redacted log lines. Default: silent. */
  logger?: Logger;
  /** Aborting stops every run of this subscription cleanly. */
  signal?: AbortSignal;
  clock?: Clock;
  /** undici dispatcher for every request. Default: the client's own keep-alive Agent. */
  dispatcher?: Dispatcher;
  tokenStore?: TokenStore;
  /**
   * Connected-App mode (`credentials.authMode: "app"`): the access token, as stored by `app authorize`
   * (read it with `loadAppToken(state)`) or bare. Default: read from `state` on the first request.
   * Without either, creation throws AUTH_APP_TOKEN_MISSING (kind config); so does the first request
   * when `state` holds no token.
   */
  appToken?: AppToken | string;
  /**
   * Worker threads that parse and map a large (partitioned) pull's pages, when its mapping can run
   * in one (no option labels). Default: one per core beyond two, fewer than the connections, at most
   * 4 (`defaultDecodeWorkers`); 0 keeps everything on the calling thread. Each worker adds about 60 MB
   * of peak memory.
   */
  decodeWorkers?: number;
}

export type PullRun = AsyncIterable<PullBatch> & { report?: PullReport };
export type PushRun = AsyncIterable<PushResult[]> & { report?: PushReport };

export interface Subscription {
  readonly config: SubscriptionConfig;
  readonly client: AkeneoClient;
  /** Where this subscription's watermarks, checkpoints and App token live. */
  readonly state: StateStore;
  /** Pull `entity`: iterate the batches, hand each to the platform; the checkpoint moves when you ask for the next. */
  pull(entity: string, options?: PullOptions): PullRun;
  /** Push records (canonical objects) and stream one result per record, batch by batch. */
  pushStream(entity: string, items: AsyncIterable<PushItem>, options?: PushOptions): PushRun;
  /** Push records and collect every result. */
  push(entity: string, records: AsyncIterable<unknown> | Iterable<unknown>, options?: PushOptions): Promise<{ results: PushResult[]; report: PushReport }>;
  /** A mapper for `entity` in `direction` (compiled at creation, catalog loaded on first use). */
  mapper(entity: string, direction: MappingDirection): Promise<Mapper>;
  /** Run the post-install checks (src/verify) through this subscription; writes to Akeneo only with `write: true`. */
  verify(options?: VerifyOptions): Promise<VerifyReport>;
  close(): Promise<void>;
}

export function createSubscription(config: SubscriptionConfig, options: SubscriptionOptions = {}): Subscription {
  const compiled = compileEnabledMappings(config);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const state = options.state ?? createMemoryStateStore();
  const { credentials, settings } = config;
  const client = createAkeneoClient({
    baseUrl: credentials.baseUrl,
    auth: resolveClientAuth(credentials, options.appToken, options.state),
    limits: { throttleLimit: credentials.throttleLimit, throttleSeconds: credentials.throttleSeconds, concurrentConnections: credentials.concurrentConnections },
    clock,
    logger,
    onRetry: (info) => logger.warn({ ...info }, `retrying ${info.method} ${info.path} in ${info.delayMs} ms (attempt ${info.attempt}/${info.maxAttempts}): ${info.message}`),
    onRateLimit: (info) => logger.warn({ ...info }, `rate limited by Akeneo on ${info.method} ${info.path}: pausing ${Math.max(0, info.pausedUntil - clock.now())} ms`),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const loadCatalog = createCatalogLoader(client, credentials.baseUrl, options.signal);
  const emptyCatalog = { attributes: new Map(), optionLabels: async () => new Map(), mediaUrl: (code: string) => code };

  const definitionOf = (entity: string): EntityDefinition => {
    const definition = getEntityDefinition(entity, { productIdFormat: settings.productIdFormat });
    if (!settings.entities.includes(entity)) {
      throw new ConnectorError(`[config] entity "${entity}" is not enabled: add it to settings.entities (enabled: ${settings.entities.join(", ")})`, {
        code: "CONFIG_INVALID",
        kind: "config",
      });
    }
    return definition;
  };
  const mapper = async (entity: string, direction: MappingDirection): Promise<Mapper> => {
    const definition = definitionOf(entity);
    const mapping = compiled.get(`${entity}.${direction}`);
    if (!mapping) throw new ConnectorError(`[config] entity "${entity}" cannot be ${direction === "pull" ? "pulled" : "pushed"}`, { code: "CONFIG_INVALID", kind: "config" });
    if (!definition.values) return createMapper({ compiled: mapping, settings, catalog: emptyCatalog, lookups: config.lookups, clock });
    const catalog = loadCatalog();
    catalog.catch(() => undefined); // awaited below
    // While the catalog (and the token before it) is being read: build the fast evaluator, once its
    // request is out. (The validators the mapper needs were compiled by the build: compile-schema.ts.)
    for (let turn = 0; turn < 3; turn++) await nextTurn();
    await mapping.fastPath();
    return createMapper({ compiled: mapping, settings, catalog: await catalog, lookups: config.lookups, clock });
  };
  const flowSettings = { ...settings };
  /** Products keyed by uuid: find the uuid of records that carry only an identifier (see resolve-product-uuids.ts). */
  const keyResolver = async (definition: EntityDefinition) => {
    if (definition.name !== "products" || definition.key !== "uuid") return {};
    const identifier = [...(await loadCatalog()).attributes.values()].find((a) => a.type === "pim_catalog_identifier")?.code;
    return identifier ? { prepareBatch: (batch: PreparedPush[], signal?: AbortSignal) => resolveProductUuids(client, definition, identifier, batch, signal) } : {};
  };
  const runId = () => randomUUID();
  const signalOf = (extra?: AbortSignal) => (extra && options.signal ? AbortSignal.any([extra, options.signal]) : (extra ?? options.signal));

  const subscription: Subscription = {
    config,
    client,
    state,
    pull(entity, pullOptions = {}) {
      const definition = definitionOf(entity);
      return deferredRun(async () =>
        pullEntity(
          {
            client, definition, mapper: mapper(entity, "pull"), settings: flowSettings, buildSearch, state, clock, logger,
            concurrency: credentials.concurrentConnections, runId: runId(), ...(options.decodeWorkers === undefined ? {} : { decodeWorkers: options.decodeWorkers }),
          },
          { ...pullOptions, ...withSignal(signalOf(pullOptions.signal)) },
        ),
      );
    },
    pushStream(entity, items, pushOptions = {}) {
      const definition = definitionOf(entity);
      return deferredRun(async () =>
        pushEntity(
          { client, definition, mapper: await mapper(entity, "push"), batchSize: settings.batchSize, concurrency: credentials.concurrentConnections, clock, logger, runId: runId(), ...(await keyResolver(definition)) },
          items,
          { ...pushOptions, ...withSignal(signalOf(pushOptions.signal)) },
        ),
      );
    },
    async push(entity, records, pushOptions) {
      const run = subscription.pushStream(entity, numberRecords(records), pushOptions);
      const results: PushResult[] = [];
      for await (const batch of run) results.push(...batch);
      return { results, report: run.report! };
    },
    mapper,
    verify: (verifyOptions = {}) =>
      verifySubscription(subscription, {
        clock,
        logger,
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        ...verifyOptions,
        ...withSignal(signalOf(verifyOptions.signal)),
      }),
    close: () => client.close(),
  };
  return subscription;
}

/**
 * A run that starts when iterated (the mapper, and so the catalog, is loaded then, not when the
 * run is created) and exposes the inner run's report once it is known.
 */
function deferredRun<T, R>(start: () => Promise<AsyncIterable<T> & { report?: R }>): AsyncIterable<T> & { report?: R } {
  const holder: AsyncIterable<T> & { report?: R } = {
    async *[Symbol.asyncIterator]() {
      const run = await start();
      try {
        yield* run;
      } finally {
        if (run.report) holder.report = run.report;
      }
    },
  };
  return holder;
}

function withSignal(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}

/** Compile every mapping of every enabled entity now: a syntax error stops before any request. */
function compileEnabledMappings(config: SubscriptionConfig): Map<string, CompiledMapping> {
  const compiled = new Map<string, CompiledMapping>();
  for (const entity of config.settings.entities) {
    const definition = getEntityDefinition(entity);
    for (const direction of definition.directions) {
      const source = config.mappings[entity]?.[direction];
      compiled.set(`${entity}.${direction}`, compileMapping({ entity, direction, ...(source ? { source } : {}) }));
    }
  }
  return compiled;
}
