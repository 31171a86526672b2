import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AuthService } from '../../core/auth.service';
import { STEP_EXPIRED, stepExpired, type PendingStep } from './login-steps';
import { SignInFailure } from './sign-in-failure';

/** The code from the authenticator app (or a recovery code) after the password. */
@Component({
  selector: 'sb-mfa-code-step',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <p>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
      <mat-form-field appearance="outline">
        <mat-label>Code</mat-label>
        <input matInput formControlName="code" name="code" autocomplete="one-time-code" required autofocus data-testid="mfa-code" />
        @if (form.controls.code.hasError('required')) {
          <mat-error>Enter the code</mat-error>
        }
      </mat-form-field>
      @if (failure.message(); as message) {
        <p class="sb-error-text" role="alert" data-testid="login-error">{{ message }}</p>
      }
      <button mat-flat-button type="submit" [disabled]="busy() || failure.blocked()" data-testid="mfa-verify">Verify</button>
      <button mat-button type="button" (click)="restart.emit(null)">Back to sign-in</button>
    </form>
  `,
  styles: `form { display: flex; flex-direction: column; gap: 8px; } p { margin: 0 0 8px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MfaCodeStepComponent {
  private readonly auth = inject(AuthService);
  readonly step = input.required<PendingStep>();
  /** Signed in. */
  readonly signedIn = output<void>();
  /** Back to the password, with a message or none. */
  readonly restart = output<string | null>();

  protected readonly form = inject(NonNullableFormBuilder).group({ code: ['', [Validators.required, Validators.maxLength(64)]] });
  protected readonly busy = signal(false);
  protected readonly failure = new SignInFailure(inject(DestroyRef));

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.clear();
    try {
      await this.auth.verifyMfa(this.step().stepToken, normaliseCode(this.form.controls.code.value));
      this.signedIn.emit();
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401 && stepExpired(this.step())) this.restart.emit(STEP_EXPIRED);
      else this.failure.show(error, 'Invalid code');
    } finally {
      this.busy.set(false);
    }
  }
}

/** The code without the spaces people type ("123 456", or a recovery code copied with a space). */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '');
}
