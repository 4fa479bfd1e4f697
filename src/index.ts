/**
 * The host API: the only public import path of the package.
 */
export {
  ConnectorError,
  HttpError,
  ValidationError,
  isConnectorError,
  isHttpError,
  isValidationError,
  describeError,
} from "./errors.js";
export type { ErrorCode, ErrorKind, AkeneoErrorDetail, ValidationIssue } from "./errors.js";
export { createLogger, silentLogger } from "./logger.js";
export type { Logger, LoggerOptions, LogFormat, LogLevel } from "./logger.js";
export { systemClock } from "./clock.js";
export type { Clock } from "./clock.js";
export { loadEntityDefinitions, getEntityDefinition } from "./manifest/entity-definitions.js";
export type { EntityDefinition } from "./manifest/entity-definitions.js";
