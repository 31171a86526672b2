import { DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { validationMessage } from '../../shared/server-errors';

/**
 * Makes `confirmation` ask for the same value as `password`, checked again whenever either
 * changes. Call it in an injection context (a component's field or constructor).
 */
export function requireSamePassword(password: AbstractControl<string>, confirmation: AbstractControl<string>): void {
  confirmation.addValidators((control) => (control.value && control.value !== password.value ? { mismatch: true } : null));
  password.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => {
    if (confirmation.value) confirmation.updateValueAndValidity();
  });
}

/** The message under a password field (the usual ones, and a confirmation that differs). */
export function passwordMessage(errors: ValidationErrors | null): string {
  return errors?.['mismatch'] && typeof errors['server'] !== 'string' ? 'The passwords do not match' : validationMessage(errors);
}
