import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { ApiError } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { AccountApi } from '../../api/account-api.service';
import { errorMessage } from '../../core/error.interceptor';
import { applyServerErrors } from '../../shared/server-errors';
import { passwordMessage, requireSamePassword } from '../login/passwords';

/** The server's code for a reset link that is unknown, used or expired. */
export const RESET_TOKEN_INVALID = 'RESET_TOKEN_INVALID';

/** The token of the e-mailed link `/reset-password#token=…` (in the fragment, so it reaches no server log). */
export function tokenFromFragment(fragment: string | null): string | null {
  return new URLSearchParams(fragment ?? '').get('token')?.trim() || null;
}

/** The e-mailed link's page: choose a new password. It does not sign in. */
@Component({
  selector: 'sb-reset-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <main class="page">
      <mat-card class="card" appearance="outlined">
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <mat-card-header>
          <mat-card-title>Choose a new password</mat-card-title>
          <mat-card-subtitle>Switchboard</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content class="content">
          @switch (state()) {
            @case ('done') {
              <div class="notice" role="status" data-testid="reset-done">
                <mat-icon>check_circle</mat-icon>
                <p>Password changed — sign in with your new password.</p>
              </div>
              <div class="links">
                <a mat-flat-button routerLink="/login" data-testid="reset-sign-in">Sign in</a>
              </div>
            }
            @case ('invalid') {
              <div class="notice error" role="alert" data-testid="reset-invalid">
                <mat-icon>link_off</mat-icon>
                <p>This link is invalid, used or expired.</p>
              </div>
              <div class="links">
                <a mat-flat-button routerLink="/forgot-password" data-testid="reset-request-new">Request a new link</a>
                <a mat-button routerLink="/login">Back to sign-in</a>
              </div>
            }
            @default {
              <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
                <mat-form-field appearance="outline">
                  <mat-label>New password</mat-label>
                  <input matInput type="password" formControlName="password" name="new-password" autocomplete="new-password" required autofocus data-testid="reset-password" />
                  <mat-error>{{ message(form.controls.password.errors) }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>Repeat the new password</mat-label>
                  <input matInput type="password" formControlName="confirmation" name="confirm-password" autocomplete="new-password" required data-testid="reset-confirmation" />
                  <mat-error>{{ message(form.controls.confirmation.errors) }}</mat-error>
                </mat-form-field>
                @if (failure(); as failure) {
                  <p class="sb-error-text" role="alert" data-testid="reset-error">{{ failure }}</p>
                }
                <button mat-flat-button type="submit" [disabled]="busy()" data-testid="reset-submit">Change password</button>
              </form>
            }
          }
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styleUrl: './auth-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPageComponent {
  private readonly api = inject(AccountApi);
  private readonly token = tokenFromFragment(inject(ActivatedRoute).snapshot.fragment);

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.maxLength(1024)]],
    confirmation: ['', Validators.required],
  });
  protected readonly state = signal<'form' | 'done' | 'invalid'>(this.token ? 'form' : 'invalid');
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly message = passwordMessage;

  constructor() {
    requireSamePassword(this.form.controls.password, this.form.controls.confirmation);
  }

  protected async submit(): Promise<void> {
    if (!this.token || this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.resetPassword({ token: this.token, password: this.form.controls.password.value }));
      this.state.set('done');
    } catch (error) {
      if (error instanceof HttpErrorResponse && (error.error as Partial<ApiError> | null)?.code === RESET_TOKEN_INVALID) this.state.set('invalid');
      else if (!applyServerErrors(this.form, error).length) {
        this.failure.set(error instanceof HttpErrorResponse ? errorMessage(error) : 'Something went wrong. Try again.');
      }
    } finally {
      this.busy.set(false);
    }
  }
}
