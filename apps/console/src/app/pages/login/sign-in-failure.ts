import { HttpErrorResponse } from '@angular/common/http';
import { computed, signal, type DestroyRef } from '@angular/core';
import { errorMessage } from '../../core/error.interceptor';

/** Seconds the server asks to wait (Retry-After: seconds or an HTTP date); null when it does not say. */
export function retryAfterSeconds(error: HttpErrorResponse): number | null {
  const header = error.headers?.get('Retry-After')?.trim();
  if (!header) return null;
  if (/^\d+$/.test(header)) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * The message under a sign-in form: what went wrong, or, after 429, a countdown until the
 * next attempt is allowed (the submit button stays disabled meanwhile).
 */
export class SignInFailure {
  private readonly text = signal<string | null>(null);
  private readonly until = signal(0);
  private readonly now = signal(Date.now());
  private ticker?: ReturnType<typeof setInterval>;

  /** Whether the server refuses attempts for now. */
  readonly blocked = computed(() => this.until() > this.now());
  readonly message = computed(() => {
    const wait = Math.ceil((this.until() - this.now()) / 1000);
    return wait > 0 ? `Too many attempts, try again in ${wait} s` : this.text();
  });

  constructor(destroyRef: DestroyRef) {
    destroyRef.onDestroy(() => clearInterval(this.ticker));
  }

  clear(): void {
    this.text.set(null);
  }

  /** Shows a plain message. */
  set(message: string): void {
    this.text.set(message);
  }

  /** Shows a failed request: `invalid` for 401, the countdown for 429, else the API's message. */
  show(error: unknown, invalid: string): void {
    if (!(error instanceof HttpErrorResponse)) {
      this.text.set('Something went wrong. Try again.');
      return;
    }
    if (error.status === 429) {
      const seconds = retryAfterSeconds(error);
      this.text.set(seconds === null ? 'Too many attempts, try again later' : null);
      if (seconds !== null) this.countDown(seconds);
      return;
    }
    this.text.set(error.status === 401 ? invalid : errorMessage(error));
  }

  private countDown(seconds: number): void {
    this.now.set(Date.now());
    this.until.set(Date.now() + seconds * 1000);
    clearInterval(this.ticker);
    this.ticker = setInterval(() => {
      this.now.set(Date.now());
      if (!this.blocked()) clearInterval(this.ticker);
    }, 1000);
  }
}
