import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { LoginStep } from '@switchboard/contracts';
import { AuthService } from '../../core/auth.service';
import { pending, type PendingStep } from './login-steps';
import { MfaCodeStepComponent } from './mfa-code-step.component';
import { MfaEnrolmentStepComponent } from './mfa-enrolment-step.component';
import { NewPasswordStepComponent } from './new-password-step.component';
import { RecoveryCodesComponent } from './recovery-codes.component';
import { SignInFailure } from './sign-in-failure';

/** Where the login page is: the password, one of the server's further steps, or the new recovery codes. */
type Stage =
  | { kind: 'password' }
  | { kind: 'mfa-required' | 'mfa-enrolment-required' | 'password-expired'; step: PendingStep }
  | { kind: 'recovery-codes'; codes: string[] };

const SUBTITLES: Record<Stage['kind'], string> = {
  password: 'Sign in to the contact center',
  'mfa-required': 'Two-factor authentication',
  'mfa-enrolment-required': 'Set up two-factor authentication',
  'password-expired': 'Choose a new password',
  'recovery-codes': 'Save your recovery codes',
};

@Component({
  selector: 'sb-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MfaCodeStepComponent,
    MfaEnrolmentStepComponent,
    NewPasswordStepComponent,
    RecoveryCodesComponent,
  ],
  templateUrl: './login-page.component.html',
  styleUrl: './login-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPageComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Where to go after signing in (set by the guard). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    login: ['', [Validators.required, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.maxLength(1024)]],
  });
  protected readonly stage = signal<Stage>({ kind: 'password' });
  protected readonly subtitle = computed(() => SUBTITLES[this.stage().kind]);
  protected readonly busy = signal(false);
  protected readonly failure = new SignInFailure(inject(DestroyRef));
  protected readonly showPassword = signal(false);

  async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.clear();
    try {
      const { login, password } = this.form.getRawValue();
      await this.advance(await this.auth.login(login, password));
    } catch (error) {
      this.failure.show(error, 'Invalid login or password');
    } finally {
      this.busy.set(false);
    }
  }

  /** The next step the server asked for, or, when signed in, the page the user was going to. */
  protected async advance(step: LoginStep | null): Promise<void> {
    if (step) this.stage.set({ kind: step.status, step: pending(step) });
    else await this.enter();
  }

  /** Back to the password (the step token expired, or the user chose to). */
  protected restart(message: string | null): void {
    this.stage.set({ kind: 'password' });
    this.form.controls.password.reset();
    if (message) this.failure.set(message);
    else this.failure.clear();
  }

  protected showRecoveryCodes(codes: string[]): void {
    this.stage.set({ kind: 'recovery-codes', codes });
  }

  protected async enter(): Promise<void> {
    const target = this.returnUrl();
    await this.router.navigateByUrl(target?.startsWith('/') && !target.startsWith('//') ? target : '/');
  }
}
