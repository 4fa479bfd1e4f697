import { describeError, isConnectorError, isValidationError } from "../errors.js";
import { EXIT, type CliIO, type ExitCode } from "./io.js";

/**
 * Print a thrown error as readable lines (one per validation issue), never a stack trace, and
 * return the exit code it maps to: 2 for configuration and usage errors, 1 for everything else.
 */
export function printError(io: CliIO, error: unknown): ExitCode {
  io.stderr.write(`error: ${describeError(error)}\n`);
  if (isValidationError(error)) {
    for (const issue of error.issues) io.stderr.write(`  ${issue.path || "(root)"}: ${issue.message}\n`);
  }
  return exitCodeOf(error);
}

/** 2 for configuration and usage errors, 1 for everything else. */
export function exitCodeOf(error: unknown): ExitCode {
  return isConnectorError(error) && (error.kind === "config" || error.code === "USAGE") ? EXIT.USAGE : EXIT.FATAL;
}
