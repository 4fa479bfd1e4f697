/**
 * JSON.parse for config files, with errors that say where (line and column) and what, but never
 * quote the text: V8's own messages echo a slice of the input, which may hold a secret.
 */
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { ValidationError } from "../errors.js";

const WHAT: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes (is there a trailing comma?)",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between entries",
  CloseBraceExpected: "expected '}' (is an object left open?)",
  CloseBracketExpected: "expected ']' (is a list left open?)",
  EndOfFileExpected: "unexpected text after the end of the JSON",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "a string is not closed",
  UnexpectedEndOfNumber: "a number is cut short",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape in a string",
  InvalidCharacter: "invalid character in a string (control characters must be escaped)",
};

/** Parse `text` (a UTF-8 BOM is allowed); throws CONFIG_INVALID naming `source`, the line and column. */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    if (body.trim() === "") throw invalid(`[config] ${source} is empty: write a JSON object with "credentials" and "settings"`);
    const errors: ParseError[] = [];
    parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) throw invalid(`[config] ${source} is not valid JSON`);
    const { line, column } = locate(body, first.offset);
    const what = WHAT[printParseErrorCode(first.error)] ?? "syntax error";
    throw invalid(`[config] ${source} is not valid JSON: line ${line}, column ${column}: ${what}`);
  }
}

function invalid(message: string): ValidationError {
  return new ValidationError(message, { code: "CONFIG_INVALID", kind: "config", issues: [] });
}

/** 1-based line and column of a character offset. */
function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}
