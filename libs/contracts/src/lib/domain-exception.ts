import { ErrorCode, type FieldError } from './error-codes';

/**
 * Base of every module's exception. Domain code throws these with a code; the API maps the
 * code to an HTTP status in one place, so services never throw HTTP errors themselves.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A 400 about one input field, worded once for the message and the field's details. */
export function invalidField(field: string, message: string): DomainException {
  return new DomainException(ErrorCode.ValidationFailed, message, [{ field, messages: [message] }] satisfies FieldError[]);
}
