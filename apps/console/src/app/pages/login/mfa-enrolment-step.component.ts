import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { MfaSetup } from '@switchboard/contracts';
import { AuthService } from '../../core/auth.service';
import { applyServerErrors, validationMessage } from '../../shared/server-errors';
import { STEP_EXPIRED, stepExpired, type PendingStep } from './login-steps';
import { normaliseCode } from './mfa-code-step.component';
import { MfaSecretComponent } from './mfa-secret.component';
import { SignInFailure } from './sign-in-failure';

/** Two-factor authentication is required and not set up yet: set it up now, at sign-in. */
@Component({
  selector: 'sb-mfa-enrolment-step',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule, MfaSecretComponent],
  template: `
    <p>Your account must use two-factor authentication. Scan the QR code with an authenticator app, then enter the 6-digit code it shows.</p>
    @if (setup(); as setup) {
      <sb-mfa-secret [setup]="setup" />
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Code from the app</mat-label>
          <input matInput formControlName="code" name="code" autocomplete="one-time-code" inputmode="numeric" required data-testid="mfa-code" />
          <mat-error>{{ message(form.controls.code.errors) }}</mat-error>
        </mat-form-field>
        @if (failure.message(); as message) {
          <p class="sb-error-text" role="alert" data-testid="login-error">{{ message }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="busy() || failure.blocked()" data-testid="mfa-enable">Turn on and sign in</button>
        <button mat-button type="button" (click)="restart.emit(null)">Back to sign-in</button>
      </form>
    } @else if (failure.message(); as message) {
      <p class="sb-error-text" role="alert" data-testid="login-error">{{ message }}</p>
      <button mat-button type="button" (click)="restart.emit(null)">Back to sign-in</button>
    } @else {
      <mat-progress-bar mode="indeterminate" aria-label="Preparing two-factor authentication" />
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 12px; }
    form { display: flex; flex-direction: column; gap: 8px; }
    p { margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MfaEnrolmentStepComponent implements OnInit {
  private readonly auth = inject(AuthService);
  readonly step = input.required<PendingStep>();
  /** MFA is on and the user signed in: the recovery codes to show once. */
  readonly enabled = output<string[]>();
  readonly restart = output<string | null>();

  protected readonly setup = signal<MfaSetup | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ code: ['', [Validators.required, Validators.pattern(/^\s*\d{3}\s*\d{3}\s*$/)]] });
  protected readonly busy = signal(false);
  protected readonly failure = new SignInFailure(inject(DestroyRef));

  protected message(errors: Parameters<typeof validationMessage>[0]): string {
    return validationMessage(errors, { pattern: 'Enter the 6 digits the app shows' });
  }

  async ngOnInit(): Promise<void> {
    try {
      this.setup.set(await this.auth.setUpMfa(this.step().stepToken));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) this.restart.emit(STEP_EXPIRED);
      else this.failure.show(error, STEP_EXPIRED);
    }
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.clear();
    try {
      this.enabled.emit(await this.auth.enableMfa(this.step().stepToken, normaliseCode(this.form.controls.code.value)));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401 && stepExpired(this.step())) this.restart.emit(STEP_EXPIRED);
      else if (!applyServerErrors(this.form, error).length) this.failure.show(error, 'Invalid code');
    } finally {
      this.busy.set(false);
    }
  }
}
