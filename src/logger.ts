/**
 * Structured logging: pino underneath, redacted on the way out. Every object passes through
 * `redactValue` and every message through `redactText`, so nothing a caller logs can print a
 * secret. A host may pass its own `Logger` (pino's own loggers satisfy the interface).
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from "pino";
import pretty from "pino-pretty";
import { Writable } from "node:stream";
import { redactText, redactValue } from "./redact.js";

type LogFn = (obj: Record<string, unknown> | string, msg?: string) => void;

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /** A logger whose every line carries `bindings` (run id, entity …). */
  child(bindings: Record<string, unknown>): Logger;
}

export type LogFormat = "text" | "json";
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface LoggerOptions {
  /** Minimum level written. Default `info`. */
  level?: LogLevel;
  /** `json`: one JSON object per line; `text`: readable lines. Default `text`. */
  format?: LogFormat;
  /** Where lines go. Default: standard error (file descriptor 2). */
  destination?: DestinationStream | NodeJS.WritableStream;
}

/** A logger with the connector's redaction built in. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const format = options.format ?? "text";
  const destination =
    format === "json"
      ? (options.destination ?? pino.destination({ fd: 2, sync: true }))
      : pretty({
          colorize: false,
          sync: true,
          translateTime: "SYS:HH:MM:ss",
          ignore: "pid,hostname",
          singleLine: true,
          destination: forwardTo(options.destination as NodeJS.WritableStream | undefined),
        });
  const logger: PinoLogger = pino(
    {
      level: options.level ?? "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactValue(object),
        bindings: (bindings) => redactValue(bindings),
      },
      hooks: {
        logMethod(args, method) {
          const safe = args.map((arg) => (typeof arg === "string" ? redactText(arg) : arg));
          method.apply(this, safe as Parameters<typeof method>);
        },
      },
    },
    destination as DestinationStream,
  );
  return logger as unknown as Logger;
}

/**
 * pino-pretty pipes into its destination and listens to it; a fresh forwarding stream per logger
 * keeps those listeners off a shared stream such as process.stderr (one logger per run, many runs).
 */
function forwardTo(destination: NodeJS.WritableStream | undefined): Writable | number {
  if (!destination) return 2;
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      destination.write(chunk);
      callback();
    },
  });
}

const noop: LogFn = () => undefined;

/** Discards everything. The default when a host passes no logger. */
export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};
