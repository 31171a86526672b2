import type { ValidationError } from 'class-validator';
import { DomainException, ErrorCode, type FieldError } from '@switchboard/contracts';

/** Flattens class-validator's tree into one entry per field, with dotted paths. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** The ValidationPipe's exceptionFactory: a 400 whose message and details name each field. */
export function validationException(errors: ValidationError[]): DomainException {
  const details = fieldErrors(errors);
  const message = details.map((detail) => detail.messages.join(', ')).join('; ');
  return new DomainException(ErrorCode.ValidationFailed, message || 'The request is invalid', details);
}
