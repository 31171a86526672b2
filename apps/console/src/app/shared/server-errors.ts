import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { ErrorCode, type ApiError, type FieldError } from '@switchboard/contracts';

function isFieldError(value: unknown): value is FieldError {
  const entry = value as Partial<FieldError> | null;
  return typeof entry?.field === 'string' && Array.isArray(entry.messages);
}

/** The per-field messages a failed request carries (validation, conflict, forbidden fields). */
export function fieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  const body = error.error as Partial<ApiError> | null;
  if (!body || typeof body !== 'object') return [];
  const details = Array.isArray(body.details) ? body.details.filter(isFieldError) : [];
  if (details.length) return details;
  // A conflict without details still says which unique value clashed.
  if (body.code === ErrorCode.Conflict && typeof body.message === 'string') {
    if (/user ?name/i.test(body.message)) return [{ field: 'username', messages: [body.message] }];
    if (/e-?mail/i.test(body.message)) return [{ field: 'email', messages: [body.message] }];
  }
  return [];
}

/**
 * Puts the server's messages about a form's fields on the matching controls, so their
 * mat-error shows them; the control's own next validation (the user edits it) clears the mark.
 * Returns the fields that named a control of the form.
 */
export function applyServerErrors(form: AbstractControl, error: unknown): string[] {
  const matched: string[] = [];
  for (const { field, messages } of fieldErrors(error)) {
    const control = form.get(field);
    if (!control) continue;
    markServerError(control, messages.join(' '));
    matched.push(field);
  }
  return matched;
}

/** Shows a server's message on one control (its mat-error), until the control validates again. */
export function markServerError(control: AbstractControl, message: string): void {
  control.setErrors({ ...control.errors, server: message });
  control.markAsTouched();
}

/** Messages for the usual validators; pass `pattern` to explain a pattern. */
export function validationMessage(errors: ValidationErrors | null, hints: { pattern?: string } = {}): string {
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return 'Required';
  if (errors['email']) return 'Enter a valid e-mail address';
  if (errors['pattern']) return hints.pattern ?? 'Not in the expected format';
  if (errors['min']) return `At least ${(errors['min'] as { min: number }).min}`;
  if (errors['max']) return `At most ${(errors['max'] as { max: number }).max}`;
  if (errors['maxlength']) return `At most ${(errors['maxlength'] as { requiredLength: number }).requiredLength} characters`;
  if (errors['minlength']) return `At least ${(errors['minlength'] as { requiredLength: number }).requiredLength} characters`;
  return 'Invalid value';
}
