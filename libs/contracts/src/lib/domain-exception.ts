import type { ErrorCode } from './error-codes';

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
