/**
 * The Akeneo sandbox: a local, seeded stand-in for an Akeneo PIM, used by the CLI (`sandbox`, demo),
 * the tests and the benchmarks. Never imported by the runtime (`src/index.ts` and what it reaches).
 */
export { startSandbox, DEFAULT_APP, DEFAULT_CREDENTIALS, type Sandbox, type SandboxOptions } from "./start-sandbox.js";
export type { SandboxApp } from "./auth/app-registry.js";
export type { FaultOptions } from "./faults/fault-injector.js";
export type { SandboxCredentials } from "./auth/token-endpoint.js";
export { RequestRecorder, type RecordedRequest, type RequestFilter } from "./recorder/request-recorder.js";
export { SandboxStore } from "./store/sandbox-store.js";
export type { CatalogSnapshot, CatalogSummary } from "./store/catalog-snapshot.js";
export type { TouchTarget } from "./store/store-mutations.js";
export type { UpsertResult } from "./write/upsert-result.js";
export { generateCatalog, REFERENCE_DATE, type CatalogData, type CatalogOptions } from "./catalog/generate-catalog.js";
export type * from "./catalog/types.js";
