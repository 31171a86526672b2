import type { ValidationError } from 'class-validator';
import { DomainException, ErrorCode, fieldErrors } from '@switchboard/contracts';

/** The ValidationPipe's exceptionFactory: a 400 whose message and details name each field. */
export function validationException(errors: ValidationError[]): DomainException {
  const details = fieldErrors(errors);
  const message = details.map((detail) => detail.messages.join(', ')).join('; ');
  return new DomainException(ErrorCode.ValidationFailed, message || 'The request is invalid', details);
}
