import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { LoginStep } from '@switchboard/contracts';
import { AuthService } from '../../core/auth.service';
import { applyServerErrors } from '../../shared/server-errors';
import { STEP_EXPIRED, type PendingStep } from './login-steps';
import { passwordMessage, requireSamePassword } from './passwords';
import { SignInFailure } from './sign-in-failure';

/** The password expired: choose a new one to go on signing in. */
@Component({
  selector: 'sb-new-password-step',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <p>Your password has expired. Choose a new one to continue.</p>
      <mat-form-field appearance="outline">
        <mat-label>New password</mat-label>
        <input matInput type="password" formControlName="newPassword" name="new-password" autocomplete="new-password" required autofocus data-testid="new-password" />
        <mat-error>{{ message(form.controls.newPassword.errors) }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Repeat the new password</mat-label>
        <input matInput type="password" formControlName="confirmation" name="confirm-password" autocomplete="new-password" required data-testid="confirm-password" />
        <mat-error>{{ message(form.controls.confirmation.errors) }}</mat-error>
      </mat-form-field>
      @if (failure.message(); as message) {
        <p class="sb-error-text" role="alert" data-testid="login-error">{{ message }}</p>
      }
      <button mat-flat-button type="submit" [disabled]="busy() || failure.blocked()" data-testid="set-new-password">Change password</button>
      <button mat-button type="button" (click)="restart.emit(null)">Back to sign-in</button>
    </form>
  `,
  styles: `form { display: flex; flex-direction: column; gap: 8px; } p { margin: 0 0 8px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordStepComponent {
  private readonly auth = inject(AuthService);
  readonly step = input.required<PendingStep>();
  /** The password changed: signed in (null), or the next step. */
  readonly next = output<LoginStep | null>();
  readonly restart = output<string | null>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    newPassword: ['', [Validators.required, Validators.maxLength(1024)]],
    confirmation: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly failure = new SignInFailure(inject(DestroyRef));
  protected readonly message = passwordMessage;

  constructor() {
    requireSamePassword(this.form.controls.newPassword, this.form.controls.confirmation);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.clear();
    try {
      this.next.emit(await this.auth.replaceExpiredPassword(this.step().stepToken, this.form.controls.newPassword.value));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) this.restart.emit(STEP_EXPIRED);
      else if (!applyServerErrors(this.form, error).length) this.failure.show(error, STEP_EXPIRED);
    } finally {
      this.busy.set(false);
    }
  }
}
