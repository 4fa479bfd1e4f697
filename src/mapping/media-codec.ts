import { ConnectorError } from "../errors.js";
import type { MappingCatalog, MappingSettings } from "./mapping-types.js";
import type { MediaCodec } from "./value-data.js";

const MARKER = "__MEDIA_CODE__";
// Akeneo's own download links: /api/rest/v1/media-files/{code}/download (NOTES.md §11).
const AKENEO_DOWNLOAD = /\/media-files\/(.+)\/download(?:[?#].*)?$/;

/**
 * Media values for a mapper: on pull, codes become links (`mediaFormat: "link"`) or stay codes;
 * on push, a link made by the catalog's `mediaUrl` (or any Akeneo download link) becomes its code
 * again, so a pulled record pushed back unchanged sends the same codes. Any other URL cannot be
 * written to a product value (new files go through the media-file upload) and fails the record.
 */
export function createMediaCodec(catalog: MappingCatalog, settings: MappingSettings): MediaCodec {
  const probe = catalog.mediaUrl(MARKER);
  const at = probe.indexOf(MARKER);
  const prefix = at >= 0 ? probe.slice(0, at) : undefined;
  const suffix = at >= 0 ? probe.slice(at + MARKER.length) : undefined;
  return {
    toCanonical: (code) => (settings.mediaFormat === "code" ? code : catalog.mediaUrl(code)),
    toCode(value) {
      if (prefix !== undefined && suffix !== undefined && value.length > prefix.length + suffix.length) {
        if (value.startsWith(prefix) && value.endsWith(suffix)) {
          return decode(value.slice(prefix.length, value.length - suffix.length));
        }
      }
      const match = AKENEO_DOWNLOAD.exec(value);
      if (match?.[1]) return decode(match[1]);
      if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith("/")) return value;
      throw new ConnectorError(
        `[mapping] media value "${value}" is neither an Akeneo media file code nor one of its download links; upload the file first and use its code`,
        { code: "MAPPING_FAILED", kind: "data" },
      );
    },
  };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
