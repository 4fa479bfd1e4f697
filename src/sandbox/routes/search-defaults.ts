/** `search_locale` / `search_scope`: default locale and channel of attribute filters, validated like Akeneo. */
import { httpError } from "../http/akeneo-error.js";
import type { SandboxStore } from "../store/sandbox-store.js";

/** Read and validate `search_locale` and `search_scope` (422 for an inactive locale or unknown channel). */
export function searchDefaults(store: SandboxStore, query: URLSearchParams): { searchLocale?: string; searchScope?: string } {
  const out: { searchLocale?: string; searchScope?: string } = {};
  const locale = query.get("search_locale");
  const scope = query.get("search_scope");
  if (locale !== null) {
    if (!store.locales.get(locale)?.enabled) throw httpError(422, `Locale "${locale}" does not exist or is not activated.`);
    out.searchLocale = locale;
  }
  if (scope !== null) {
    if (!store.channels.has(scope)) throw httpError(422, `Scope "${scope}" does not exist.`);
    out.searchScope = scope;
  }
  return out;
}
