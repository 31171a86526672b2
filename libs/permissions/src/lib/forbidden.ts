import { DomainException, ErrorCode, type FieldError } from '@switchboard/contracts';

/** A 403 with a reason, and with the fields at fault when the caller set what they may not. */
export function forbidden(message: string, details?: FieldError[]): DomainException {
  return new DomainException(ErrorCode.Forbidden, message, details);
}
