/**
 * A 403 seen with a Connected-App token almost always means a missing scope: the app's role in the PIM
 * has the ACLs of the scopes the administrator approved, no more (NOTES §1b, §8). Akeneo's body only
 * says "Access forbidden. You are not allowed to list categories.", so the error is reworded to name
 * the entity and the scope it needs (from connector/<entity>.json `requiredScopes`), and what to do.
 */
import { HttpError, isHttpError } from "../errors.js";
import { loadEntityDefinitions, type EntityDefinition } from "../manifest/entity-definitions.js";

/** Endpoints outside the entity definitions, and the entity whose scopes cover them. */
const EXTRA_PATHS: ReadonlyArray<[string, string]> = [["/api/rest/v1/media-files", "products"]];

/** `error` itself unless it is a 403 HttpError; then the same error with a message naming the entity and scope. */
export function explainAppForbidden(error: unknown, definitions: ReadonlyMap<string, EntityDefinition> = loadEntityDefinitions()): unknown {
  if (!isHttpError(error) || error.status !== 403) return error;
  const method = error.method ?? "GET";
  const pathname = (error.url ?? "").split("?")[0] ?? "";
  const definition = findDefinition(pathname, definitions);
  const direction = method === "GET" || method === "HEAD" ? "pull" : "push";
  const scopes = definition?.requiredScopes[direction] ?? [];
  const what = `${direction === "pull" ? "read" : "write"} ${definition?.name ?? pathname}`;
  const need = scopes.length > 0 ? `the scope ${scopes.join(" and ")}` : "the scope of this endpoint";
  const message =
    `[akeneo] the app may not ${what}: ${method} ${pathname} → 403${error.akeneoMessage ? ` ${error.akeneoMessage}` : ""}; ` +
    `a Connected App needs ${need} for this: add it to credentials.scopes (or leave scopes unset to request what the enabled entities need), ` +
    "then run akeneo-connector app authorize again and approve it in the PIM";
  return new HttpError(message, {
    code: error.code,
    kind: error.kind,
    retryable: false,
    status: 403,
    method,
    ...(error.url === undefined ? {} : { url: error.url }),
    errors: error.errors,
    ...(error.akeneoMessage === undefined ? {} : { akeneoMessage: error.akeneoMessage }),
    ...(error.bodyExcerpt === undefined ? {} : { bodyExcerpt: error.bodyExcerpt }),
    cause: error,
  });
}

/** The definition whose path template matches the longest prefix of `pathname`. */
function findDefinition(pathname: string, definitions: ReadonlyMap<string, EntityDefinition>): EntityDefinition | undefined {
  let best: { definition: EntityDefinition; length: number } | undefined;
  const consider = (template: string, definition: EntityDefinition | undefined) => {
    if (!definition) return;
    const source = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^/]+");
    const match = new RegExp(`^${source}(?=/|$)`).exec(pathname);
    if (match && (!best || match[0].length > best.length)) best = { definition, length: match[0].length };
  };
  for (const definition of definitions.values()) {
    const variants = [definition.paths, ...Object.values(definition.variants ?? {}).map((variant) => variant.paths)];
    for (const paths of variants) for (const template of [paths.list, paths.item, paths.batch]) if (template) consider(template, definition);
  }
  for (const [prefix, entity] of EXTRA_PATHS) consider(prefix, definitions.get(entity));
  return best?.definition;
}
