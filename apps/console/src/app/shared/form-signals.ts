import { computed, effect, signal, type Signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';

/**
 * `read(control)` as a signal, read again after each event of the control or of any control
 * inside it (value, status, touched, pristine). An OnPush view handed a form as an input sees no
 * signal change when the form is filled after a load, rows are added to it or the server marks a
 * field; reading through this, it does.
 */
export function watchForm<C extends AbstractControl, R>(control: Signal<C>, read: (control: C) => R): Signal<R> {
  const tick = signal(0);
  effect((onCleanup) => {
    const subscription = control().events.subscribe(() => tick.update((count) => count + 1));
    onCleanup(() => subscription.unsubscribe());
  });
  return computed(
    () => {
      tick();
      return read(control());
    },
    // A form array's `controls` is the same array after a push: every tick is news.
    { equal: () => false },
  );
}
