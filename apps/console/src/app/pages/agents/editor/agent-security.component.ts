import { DatePipe, formatDate } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, LOCALE_ID, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Agent, AgentSecurity, UpdateAgentRequest } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { AgentsApi } from '../../../api/agents-api.service';
import { SecurityApi } from '../../../api/security-api.service';
import { confirm } from '../../../shared/confirm-dialog.component';

/**
 * The seed's "Security Suite" section of an agent (administrators only): disabled, locked and
 * masking switches, MFA, sessions and the last password change. Each switch saves at once.
 */
@Component({
  selector: 'sb-agent-security',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatSlideToggleModule],
  template: `
    @let current = agent();
    <div class="tab" data-testid="agent-security">
      <section aria-labelledby="security-suite-title">
        <h2 id="security-suite-title">Security Suite</h2>
        @if (suiteEnabled() && security(); as state) {
          <p data-testid="security-password-changed">
            Last password reset:
            <strong>{{ state.passwordChangedAt ? (state.passwordChangedAt | date: 'medium') : 'never' }}</strong>
          </p>
        }
        <div class="switch">
          <mat-slide-toggle [checked]="current.disabled" [disabled]="busy()" (change)="setDisabled($event)" data-testid="security-disabled">Disabled</mat-slide-toggle>
          <small>The account cannot sign in; switch off to enable it again.</small>
        </div>
        <div class="switch">
          <mat-slide-toggle [checked]="locked()" [disabled]="!locked() || busy()" (change)="unlock($event)" data-testid="security-locked">Locked</mat-slide-toggle>
          <small data-testid="security-lock-state">{{ lockText() }}</small>
        </div>
        <div class="switch">
          <mat-slide-toggle [checked]="current.maskSensitiveData" [disabled]="busy()" (change)="setMasking($event)" data-testid="security-mask">
            Mask Sensitive Data
          </mat-slide-toggle>
          <small>Contacts' names, phone numbers and e-mail addresses reach this agent masked.</small>
        </div>
      </section>

      <section aria-labelledby="security-auth-title">
        <h2 id="security-auth-title">Authentication</h2>
        <div class="row">
          <mat-icon aria-hidden="true">{{ security()?.mfaEnabled ? 'verified_user' : 'no_encryption' }}</mat-icon>
          <span data-testid="security-mfa-state">{{ security() ? (security()?.mfaEnabled ? 'MFA is on' : 'MFA is off') : '…' }}</span>
          @if (security()?.mfaEnabled) {
            <button mat-stroked-button type="button" (click)="disableMfa()" [disabled]="busy()" data-testid="security-disable-mfa">Disable MFA</button>
          }
        </div>
        <div class="row">
          <mat-icon aria-hidden="true">devices</mat-icon>
          <span data-testid="security-sessions">{{ sessionsText() }}</span>
          <button mat-stroked-button type="button" (click)="signOutEverywhere()" [disabled]="busy() || !security()?.activeSessions" data-testid="security-sign-out">
            Sign out everywhere
          </button>
        </div>
      </section>
    </div>
  `,
  styles: `
    .tab { padding-top: 16px; display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
    section { display: flex; flex-direction: column; gap: 12px; min-width: 300px; flex: 1; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px 16px; }
    h2 { font: var(--mat-sys-title-small); margin: 0; }
    p { margin: 0; }
    .switch { display: flex; flex-direction: column; gap: 2px; }
    small { color: var(--mat-sys-on-surface-variant); padding-left: 4px; }
    .row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
    .row span { flex: 1; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentSecurityComponent {
  private readonly agentsApi = inject(AgentsApi);
  private readonly api = inject(SecurityApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly locale = inject(LOCALE_ID);

  readonly agent = input.required<Agent>();
  /** The agent as the server answered a switch's change. */
  readonly agentChanged = output<Agent>();

  protected readonly security = signal<AgentSecurity | null>(null);
  /** The password reset time shows only while the Security Suite is on (seed). */
  protected readonly suiteEnabled = signal(false);
  protected readonly busy = signal(false);
  protected readonly locked = computed(() => this.security()?.locked ?? false);
  protected readonly lockText = computed(() => {
    const state = this.security();
    if (!state) return '';
    if (!state.locked) return state.failedAttempts ? `Not locked (${state.failedAttempts} failed sign-in${state.failedAttempts === 1 ? '' : 's'} in a row)` : 'Not locked';
    if (!state.lockedUntil) return 'Locked until an administrator unlocks; switch off to unlock.';
    return `Locked until ${formatDate(state.lockedUntil, 'medium', this.locale)}; switch off to unlock now.`;
  });
  protected readonly sessionsText = computed(() => {
    const count = this.security()?.activeSessions;
    if (count === undefined) return '…';
    return count === 1 ? '1 active session' : `${count} active sessions`;
  });
  private readonly agentId = computed(() => this.agent().id);

  constructor() {
    effect(() => {
      const id = this.agentId();
      untracked(() => this.load(id));
    });
    this.api.settings().subscribe({ next: (settings) => this.suiteEnabled.set(settings.suiteEnabled) });
  }

  /** Asks the server again (after a change made elsewhere on the page, such as a new password). */
  reload(): void {
    this.load(this.agent().id);
  }

  protected setDisabled(event: MatSlideToggleChange): void {
    void this.patch(event, { disabled: event.checked }, event.checked ? 'Account disabled' : 'Account enabled');
  }

  protected setMasking(event: MatSlideToggleChange): void {
    void this.patch(event, { maskSensitiveData: event.checked }, event.checked ? 'Sensitive data is masked for this agent' : 'Sensitive data is shown to this agent');
  }

  protected async unlock(event: MatSlideToggleChange): Promise<void> {
    if (event.checked) return;
    await this.run(
      async () => {
        this.security.set(await firstValueFrom(this.api.unlock(this.agent().id)));
        this.snackBar.open('Account unlocked', undefined, { duration: 3000 });
      },
      () => (event.source.checked = true),
    );
  }

  protected async disableMfa(): Promise<void> {
    const agent = this.agent();
    const ok = await confirm(this.dialog, {
      title: 'Disable MFA',
      message: `Turn off multi-factor authentication for ${agent.fullName} (${agent.username})? If their role requires MFA they set it up again at the next sign-in.`,
      confirm: 'Disable MFA',
      danger: true,
    });
    if (!ok) return;
    await this.run(async () => {
      await firstValueFrom(this.api.disableMfa(agent.id));
      this.snackBar.open('MFA disabled', undefined, { duration: 3000 });
      this.load(agent.id);
    });
  }

  protected async signOutEverywhere(): Promise<void> {
    const agent = this.agent();
    const ok = await confirm(this.dialog, {
      title: 'Sign out everywhere',
      message: `End every session of ${agent.fullName} (${agent.username})? They must sign in again on every device.`,
      confirm: 'Sign out everywhere',
      danger: true,
    });
    if (!ok) return;
    await this.run(async () => {
      await firstValueFrom(this.api.endAgentSessions(agent.id));
      this.snackBar.open('Signed out everywhere', undefined, { duration: 3000 });
      this.load(agent.id);
    });
  }

  private async patch(event: MatSlideToggleChange, request: UpdateAgentRequest, done: string): Promise<void> {
    await this.run(
      async () => {
        const saved = await firstValueFrom(this.agentsApi.update(this.agent().id, request));
        this.agentChanged.emit(saved);
        this.snackBar.open(done, undefined, { duration: 3000 });
        // Disabling ends the agent's sessions and may change the lock: show the server's state.
        this.load(saved.id);
      },
      () => (event.source.checked = !event.checked),
    );
  }

  /** Runs one change at a time; on failure (the interceptor shows why) puts the switch back. */
  private async run(action: () => Promise<void>, undo?: () => void): Promise<void> {
    this.busy.set(true);
    try {
      await action();
    } catch (error) {
      undo?.();
      if (!(error instanceof HttpErrorResponse)) throw error;
    } finally {
      this.busy.set(false);
    }
  }

  private load(id: string): void {
    this.api.agentSecurity(id).subscribe({ next: (state) => this.security.set(state) });
  }
}
