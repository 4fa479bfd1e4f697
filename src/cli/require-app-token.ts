/**
 * For a Connected-App config, the run commands need the token `app authorize` stored in the state
 * directory: read it before anything is sent, or stop with a configuration error (exit 2) that gives
 * the exact command to run.
 */
import { loadAppToken, type AppToken } from "../auth/load-app-token.js";
import type { SubscriptionConfig } from "../config/subscription-config.js";
import { ConnectorError } from "../errors.js";
import type { StateStore } from "../state/state-store.js";

/** The stored App token for `config` (undefined for a Connection config). `stateDir`: the --state flag as given. */
export async function requireAppToken(config: SubscriptionConfig, state: StateStore, configPath: string, stateDir: string | undefined): Promise<AppToken | undefined> {
  if (config.credentials.authMode !== "app") return undefined;
  const command = `akeneo-connector app authorize --config ${configPath} --state ${stateDir ?? "<dir>"}`;
  if (stateDir === undefined) {
    throw new ConnectorError(`[config] ${configPath} uses a Connected App (authMode "app"), whose token lives in the state directory: pass --state <dir> (the one given to: ${command})`, {
      code: "USAGE",
      kind: "config",
    });
  }
  const token = await loadAppToken(state, config.credentials);
  if (!token) {
    throw new ConnectorError(`[config] no Connected App token in ${stateDir}: run ${command} first`, { code: "AUTH_APP_TOKEN_MISSING", kind: "config" });
  }
  return token;
}
