import type { FieldError } from './error-codes';

/** The shape of class-validator's ValidationError that flattening needs (no runtime import). */
export interface ValidationErrorTree {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorTree[];
}

/** Flattens class-validator's tree into one entry per field, with dotted paths. */
export function fieldErrors(errors: readonly ValidationErrorTree[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}
