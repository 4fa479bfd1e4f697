/** Which credential fields an auth mode uses, and which mode a raw config asks for. */
import { ConnectorError } from "../errors.js";
import type { ConnectorManifest, CredentialField } from "../types/manifest.generated.js";
import { sortFields } from "./build-field-schema.js";

/** The credential fields `authMode` uses (default: the first mode), in form order. Throws USAGE for an unknown mode. */
export function selectCredentialFields(manifest: ConnectorManifest, authMode?: string): CredentialField[] {
  const mode = authMode ?? manifest.authModes[0].id;
  if (!manifest.authModes.some((known) => known.id === mode)) {
    const known = manifest.authModes.map((known) => known.id).join(", ");
    throw new ConnectorError(`[manifest] unknown auth mode "${mode}"; known: ${known}`, { code: "USAGE", kind: "config" });
  }
  return sortFields(manifest.credentials.filter((field) => field.authModes.includes(mode)));
}
