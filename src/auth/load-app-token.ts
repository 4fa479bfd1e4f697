/**
 * Where a Connected App's access token lives: the subscription's state store, under `app-token`,
 * next to its watermarks (the file store writes it with mode 0600). It has no expiry and no refresh
 * token (NOTES §1b): it stays valid until a PIM user revokes the app. Read and written only here;
 * the token is registered for redaction the moment it is read, and never printed.
 */
import { z } from "zod";
import { ConnectorError } from "../errors.js";
import { registerSecret } from "../redact.js";
import type { StateStore } from "../state/state-store.js";

/** The state key of the App token. */
export const APP_TOKEN_KEY = "app-token";

/** A stored App authorization. */
export interface AppToken {
  accessToken: string;
  /** Scopes the PIM granted (the token response's `scope`), sorted. */
  scopes: string[];
  /** When the code was exchanged, ISO 8601 UTC. */
  obtainedAt: string;
  /** The PIM and the app the token belongs to: a token is only used with the same pair. */
  baseUrl: string;
  clientId: string;
}

const appTokenSchema = z.object({
  accessToken: z.string().min(1),
  scopes: z.array(z.string()),
  obtainedAt: z.string(),
  baseUrl: z.string(),
  clientId: z.string(),
});

/** Which PIM and app a token must belong to. */
export interface AppTokenOwner {
  baseUrl: string;
  clientId: string;
}

/**
 * The stored App token, or undefined when none was stored. With `owner`, a token issued for another
 * PIM or client is refused (CONFIG_INVALID): authorize again. A malformed entry is STATE_INVALID.
 */
export async function loadAppToken(state: StateStore, owner?: AppTokenOwner): Promise<AppToken | undefined> {
  const raw = await state.get<unknown>(APP_TOKEN_KEY);
  if (raw === undefined) return undefined;
  const parsed = appTokenSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConnectorError(`[auth] the stored App token (state key "${APP_TOKEN_KEY}") is malformed: run akeneo-connector app authorize again`, { code: "STATE_INVALID", kind: "config" });
  }
  registerSecret(parsed.data.accessToken);
  if (owner) assertTokenOwner(parsed.data, owner);
  return parsed.data;
}

/** Store `token` under `app-token` (durably; mode 0600 with the file store). */
export async function saveAppToken(state: StateStore, token: AppToken): Promise<void> {
  registerSecret(token.accessToken);
  await state.set(APP_TOKEN_KEY, token);
}

/** CONFIG_INVALID unless `token` was issued for `owner`'s PIM and client. */
export function assertTokenOwner(token: AppTokenOwner, owner: AppTokenOwner): void {
  if (token.baseUrl === owner.baseUrl && token.clientId === owner.clientId) return;
  throw new ConnectorError(
    `[auth] the stored App token was issued for ${token.baseUrl} (client ${token.clientId}), not for ${owner.baseUrl} (client ${owner.clientId}): ` +
      "run akeneo-connector app authorize again with this config",
    { code: "CONFIG_INVALID", kind: "config" },
  );
}
