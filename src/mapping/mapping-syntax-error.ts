import { ConnectorError } from "../errors.js";

/** Where a mapping failed to parse: the file (or `<inline>`), 1-based line and column, the token. */
export interface MappingSyntaxErrorDetails {
  origin: string;
  line: number;
  column: number;
  token: string | undefined;
  /** JSONata's error code, e.g. `S0211`. */
  jsonataCode: string;
}

/** A mapping that does not parse (code MAPPING_SYNTAX, kind config): the run must not start. */
export class MappingSyntaxError extends ConnectorError {
  override readonly name = "MappingSyntaxError";
  readonly origin: string;
  readonly line: number;
  readonly column: number;
  readonly token: string | undefined;
  readonly jsonataCode: string;

  constructor(reason: string, details: MappingSyntaxErrorDetails) {
    const at = details.token === undefined ? "" : details.token === "(end)" ? " at the end" : ` at "${details.token}"`;
    super(`[mapping] syntax error in ${details.origin}:${details.line}:${details.column}${at}: ${reason} (${details.jsonataCode})`, {
      code: "MAPPING_SYNTAX",
      kind: "config",
    });
    this.origin = details.origin;
    this.line = details.line;
    this.column = details.column;
    this.token = details.token;
    this.jsonataCode = details.jsonataCode;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), origin: this.origin, line: this.line, column: this.column, token: this.token };
  }
}

/** 1-based line and column of a 0-based character index in `text`. */
export function lineColumnAt(text: string, index: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(index, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

/** A JSONata error's position (the index just past its token) → where the token starts in `text`. */
export function jsonataErrorPosition(text: string, position: unknown, token: unknown): { line: number; column: number } {
  const end = typeof position === "number" ? position : 0;
  const length = typeof token === "string" && token !== "(end)" ? token.length : 0;
  return lineColumnAt(text, end - length);
}
