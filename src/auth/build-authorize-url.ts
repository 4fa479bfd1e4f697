/**
 * The first step of the Connected-App flow (NOTES §1b): the URL the PIM administrator's browser is
 * sent to, `{pim}/connect/apps/v1/authorize?response_type=code&client_id=…&scope=<space-separated>&state=…`.
 * `state` is a random value the callback must echo (CSRF protection, `validateAppCallback`).
 */
import { randomBytes } from "node:crypto";

/** The authorize endpoint, relative to the PIM's base URL. */
export const AUTHORIZE_PATH = "/connect/apps/v1/authorize";

export interface AuthorizeUrlOptions {
  /** The PIM's address (no trailing slash). */
  baseUrl: string;
  clientId: string;
  /** Scopes to request; sent space-separated, in this order. */
  scopes: readonly string[];
  /** The random value the callback must return (`createAuthorizationState`). */
  state: string;
  /**
   * Where the PIM should send the browser back. Akeneo uses the callback URL registered with the app;
   * sending it too is harmless there and lets a local server (the sandbox) learn a port chosen at run time.
   */
  redirectUri?: string;
}

/** A fresh `state`: 32 random bytes, hex (64 characters). */
export function createAuthorizationState(): string {
  return randomBytes(32).toString("hex");
}

/** The authorize URL for `options`. */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, "")}${AUTHORIZE_PATH}`);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("scope", options.scopes.join(" "));
  url.searchParams.set("state", options.state);
  if (options.redirectUri !== undefined) url.searchParams.set("redirect_uri", options.redirectUri);
  return url.toString();
}
