import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AccountSecurity } from '@switchboard/contracts';
import { AccountApi } from '../../api/account-api.service';
import { AuthService } from '../../core/auth.service';
import { ROLE_LABELS } from '../../shared/labels';
import { EmailCardComponent } from './email-card.component';
import { MfaCardComponent } from './mfa-card.component';
import { PasswordCardComponent } from './password-card.component';
import { SessionsCardComponent } from './sessions-card.component';

/** "My account": the signed-in user's password, e-mail address, two-factor authentication and devices. */
@Component({
  selector: 'sb-account-page',
  imports: [MatProgressBarModule, PasswordCardComponent, EmailCardComponent, MfaCardComponent, SessionsCardComponent],
  template: `
    <header class="sb-page-head">
      <h1>My account</h1>
    </header>
    @if (auth.user(); as user) {
      <p class="who" data-testid="account-user">{{ user.fullName }} · {{ user.username }} · {{ roleLabels[user.role] }}</p>
    }
    @if (!security()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading your account" />
    }
    <div class="cards">
      <sb-account-password [security]="security()" (changed)="changed()" />
      <sb-account-email />
      <sb-account-mfa [security]="security()" (changed)="load()" />
      <sb-account-sessions class="wide" [revision]="revision()" />
    </div>
  `,
  styles: `
    .who { margin: -8px 0 16px; color: var(--mat-sys-on-surface-variant); }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 400px), 1fr)); gap: 16px; align-items: start; }
    .wide { grid-column: 1 / -1; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPageComponent {
  private readonly api = inject(AccountApi);
  protected readonly auth = inject(AuthService);
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly security = signal<AccountSecurity | null>(null);
  /** Bumped when the sessions may have changed (a password change ends the other ones). */
  protected readonly revision = signal(0);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.api.security().subscribe({ next: (security) => this.security.set(security), error: () => undefined });
  }

  protected changed(): void {
    this.load();
    this.revision.update((value) => value + 1);
  }
}
