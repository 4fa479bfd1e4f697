/** The outcome of one write (single PATCH/POST, or one line of a collection PATCH). */
import type { AkeneoErrorDetail } from "../http/akeneo-error.js";

export interface UpsertResult {
  /** 201 created, 204 updated, or the error status of this write. */
  status: number;
  /** The resource key (uuid, identifier or code), when known. */
  key?: string;
  message?: string;
  errors?: AkeneoErrorDetail[];
  /** Add `_links.documentation` to the error body (Akeneo's "documented" exceptions). */
  documented?: boolean;
  /** API path of the written resource, for `Location`. */
  location?: string;
}

const SUFFIX = " Check the expected format on the API documentation.";

/** A property-level 422 (wrong type, unknown code…), documented, with the detail in `errors[]` too. */
export function propertyError(property: string, message: string, key?: string): UpsertResult {
  return { status: 422, message: `${message}${SUFFIX}`, errors: [{ property, message }], documented: true, ...(key === undefined ? {} : { key }) };
}

/** A validation 422: "Validation failed." with every violation. */
export function validationFailed(errors: AkeneoErrorDetail[], key?: string): UpsertResult {
  return { status: 422, message: "Validation failed.", errors, ...(key === undefined ? {} : { key }) };
}

/** A plain error with a message only. */
export function failure(status: number, message: string, key?: string): UpsertResult {
  return { status, message, ...(key === undefined ? {} : { key }) };
}

/** `Property "x" does not exist.`, Akeneo's answer to an unknown top-level key. */
export function unknownProperty(property: string, key?: string): UpsertResult {
  return { status: 422, message: `Property "${property}" does not exist.`, errors: [{ property, message: `Property "${property}" does not exist.` }], documented: true, ...(key === undefined ? {} : { key }) };
}
