import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { PASSWORD_SPECIALS } from '@switchboard/contracts';
import { SecurityApi } from '../../api/security-api.service';
import { ROLE_LABELS } from '../../shared/labels';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';
import { fillSecuritySettingsForm, SETTINGS_ROLES, securitySettingsForm, securitySettingsRequest } from './security-settings-form';

/** Settings → Security (administrators): the seed's Security Suite, lockout, expiry, required MFA and masking. */
@Component({
  selector: 'sb-security-settings-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
  ],
  templateUrl: './security-settings-page.component.html',
  styles: `
    form { display: flex; flex-direction: column; gap: 16px; max-width: 880px; }
    fieldset { display: flex; flex-direction: column; gap: 12px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px 16px; margin: 0; }
    legend { font: var(--mat-sys-title-small); padding: 0 4px; }
    .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px 16px; align-items: start; }
    .explain { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .roles { display: flex; flex-wrap: wrap; gap: 8px 24px; }
    .note { display: flex; align-items: center; gap: 8px; margin: 0; color: var(--mat-sys-on-surface-variant); }
    code { font-size: 0.95em; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecuritySettingsPageComponent {
  private readonly api = inject(SecurityApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly form = securitySettingsForm(inject(NonNullableFormBuilder));
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly roles = SETTINGS_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly specials = PASSWORD_SPECIALS;
  protected readonly message = validationMessage;

  constructor() {
    this.load();
  }

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => this.api.saveSettings(securitySettingsRequest(this.form)),
      (saved) => {
        this.busy.set(false);
        fillSecuritySettingsForm(this.form, saved);
        this.snackBar.open('Security settings saved', undefined, { duration: 3000 });
      },
    );
  }

  protected reset(): void {
    this.load();
  }

  private load(): void {
    this.loading.set(true);
    this.api.settings().subscribe({
      next: (settings) => {
        fillSecuritySettingsForm(this.form, settings);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }
}
