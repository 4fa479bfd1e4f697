/** What the resource functions share: the pipeline, the base URL and the per-entity write limiters. */
import type { Execute } from "../http/pipeline.js";
import type { EntityDefinition } from "../manifest/entity-definitions.js";
import type { Throttle } from "../throttle/throttle.js";

/** Shared by the resource functions of one client. */
export interface ResourceContext {
  execute: Execute;
  /** Base URL without a trailing slash. */
  baseUrl: string;
  /** The tighter write limiter of `def` (`batch.rateLimit`), or undefined when it has none. */
  limiterFor(def: EntityDefinition): Throttle | undefined;
}
