/**
 * Which auth mode a raw config asks for (`credentials.authMode`, default: the manifest's first mode),
 * and the wording of the problems only the mode explains: an unknown mode, or a credential that
 * belongs to another mode (a `scopes` list in a Connection config, a `password` in an App config).
 */
import type { ValidationIssue } from "../errors.js";
import { AUTH_MODE_KEY } from "../manifest/build-credentials-schema.js";
import type { ConnectorManifest } from "../types/manifest.generated.js";

/** The mode to validate with, and an issue when the config names no known mode. */
export interface ResolvedAuthMode {
  mode: string;
  issue?: ValidationIssue;
}

/** The mode `credentials` asks for; an unknown value yields the default mode plus an issue. */
export function resolveAuthMode(manifest: ConnectorManifest, credentials: Record<string, unknown>): ResolvedAuthMode {
  const fallback = manifest.authModes[0].id;
  const value = credentials[AUTH_MODE_KEY];
  if (value === undefined) return { mode: fallback };
  const known = manifest.authModes.map((mode) => mode.id);
  if (typeof value === "string" && known.includes(value)) return { mode: value };
  const choices = manifest.authModes.map((mode, at) => `"${mode.id}" (${mode.title}${at === 0 ? ", the default" : ""})`).join(" or ");
  return { mode: fallback, issue: { path: `/credentials/${AUTH_MODE_KEY}`, message: `must be ${choices}` } };
}

/**
 * `issues` with the mode's own problems worded: the unknown-mode issue first (replacing ajv's), and
 * an unknown credential that another mode uses explained as such.
 */
export function explainModeIssues(issues: ValidationIssue[], manifest: ConnectorManifest, resolved: ResolvedAuthMode): ValidationIssue[] {
  const fieldAt = (path: string) => {
    const key = /^\/credentials\/([^/]+)$/.exec(path)?.[1];
    return key === undefined ? undefined : manifest.credentials.find((candidate) => candidate.key === key);
  };
  // With an unknown mode, only the fields every mode shares can be judged.
  const judged = (path: string) => !resolved.issue || (path !== resolved.issue.path && (fieldAt(path)?.authModes.length ?? manifest.authModes.length) === manifest.authModes.length);
  const explained = issues
    .filter((issue) => judged(issue.path))
    .map((issue) => {
      const field = fieldAt(issue.path);
      if (!field || field.authModes.includes(resolved.mode) || !issue.message.startsWith("is not a known credential")) return issue;
      const modes = field.authModes.map((mode) => `"${mode}"`).join(" or ");
      return { path: issue.path, message: `is only used with "authMode": ${modes}: remove it, or set "authMode" to ${modes} (this config uses "${resolved.mode}")` };
    });
  return resolved.issue ? [resolved.issue, ...explained] : explained;
}
