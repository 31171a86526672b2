import type { WritableSignal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { Observable } from 'rxjs';
import { applyServerErrors } from './server-errors';

/**
 * The save of a dialog form: stops on client-side errors (showing them), marks the form busy
 * while the request runs, and on failure puts the server's field messages on the controls.
 */
export function submitForm<T>(form: AbstractControl, busy: WritableSignal<boolean>, request: () => Observable<T>, done: (value: T) => void): void {
  if (form.invalid) {
    form.markAllAsTouched();
    return;
  }
  busy.set(true);
  request().subscribe({
    next: done,
    error: (error: unknown) => {
      busy.set(false);
      applyServerErrors(form, error);
    },
  });
}
