/**
 * Path templates of the entity definitions (`/api/rest/v1/attributes/{attribute_code}/options/{code}`).
 * Values are percent-encoded except `/`: product identifiers and media codes may contain slashes, and web
 * servers in front of Akeneo reject `%2F` (NOTES §2; the PHP client does the same).
 */
import { ConnectorError } from "../errors.js";

/** Percent-encode one path value, keeping `/` as is. */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value).replace(/%2F/gi, "/");
}

/** Fill every `{name}` of `template` from `params`; throws when one is missing or empty. */
export function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === "") {
      throw new ConnectorError(`[akeneo] the path ${template} needs a value for {${name}}`, { code: "INTERNAL", kind: "bug" });
    }
    return encodePathSegment(value);
  });
}
