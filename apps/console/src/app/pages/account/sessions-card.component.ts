import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { SessionInfo } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { AccountApi } from '../../api/account-api.service';
import { AuthService } from '../../core/auth.service';
import { confirm } from '../../shared/confirm-dialog.component';
import { describeDevice } from './device';

/** The devices signed in to this account; sign any of them out (this one too). */
@Component({
  selector: 'sb-account-sessions',
  imports: [DatePipe, MatCardModule, MatTableModule, MatButtonModule, MatChipsModule, MatProgressBarModule, MatTooltipModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title>Signed-in devices</mat-card-title>
        <mat-card-subtitle>Sign out a device you do not recognise, then change your password</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <div class="sb-table-wrap">
          @if (loading()) {
            <mat-progress-bar mode="indeterminate" aria-label="Loading sessions" />
          }
          <table mat-table [dataSource]="sessions()" aria-label="Signed-in devices">
            <ng-container matColumnDef="device">
              <th mat-header-cell *matHeaderCellDef>Device</th>
              <td mat-cell *matCellDef="let session">
                <span [matTooltip]="session.userAgent ?? ''">{{ device(session) }}</span>
                @if (session.current) {
                  <mat-chip-set class="marker"><mat-chip highlighted data-testid="this-device">This device</mat-chip></mat-chip-set>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="ip">
              <th mat-header-cell *matHeaderCellDef>IP address</th>
              <td mat-cell *matCellDef="let session">{{ session.ip ?? '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="createdAt">
              <th mat-header-cell *matHeaderCellDef>Signed in</th>
              <td mat-cell *matCellDef="let session">{{ session.createdAt | date: 'medium' }}</td>
            </ng-container>
            <ng-container matColumnDef="lastUsedAt">
              <th mat-header-cell *matHeaderCellDef>Last used</th>
              <td mat-cell *matCellDef="let session">{{ session.lastUsedAt | date: 'medium' }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
              <td mat-cell *matCellDef="let session" class="action">
                <button mat-button type="button" (click)="revoke(session)" [disabled]="busy()" data-testid="revoke-session">Sign out</button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let session; columns: columns" data-testid="session-row" [attr.data-current]="session.current"></tr>
          </table>
          @if (!loading() && sessions().length === 0) {
            <p class="sb-empty">No signed-in devices</p>
          }
        </div>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host { display: block; }
    mat-card-content { margin-top: 12px; }
    .marker { display: inline-block; margin-left: 8px; vertical-align: middle; }
    .action { text-align: end; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionsCardComponent {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  /** Changing it loads the list again. */
  readonly revision = input(0);

  protected readonly sessions = signal<SessionInfo[]>([]);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly columns = ['device', 'ip', 'createdAt', 'lastUsedAt', 'actions'];
  protected readonly device = (session: SessionInfo) => describeDevice(session.userAgent);

  constructor() {
    effect(() => {
      this.revision();
      untracked(() => this.load());
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.api.sessions().subscribe({
      next: (sessions) => {
        // This device first, then the most recently used.
        this.sessions.set([...sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt)));
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected async revoke(session: SessionInfo): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: session.current ? 'Sign out this device' : 'Sign out a device',
      message: session.current
        ? 'You will be signed out here and go back to the sign-in page.'
        : `Sign out ${describeDevice(session.userAgent)}${session.ip ? ` (${session.ip})` : ''}? It will have to sign in again.`,
      confirm: 'Sign out',
      danger: true,
    });
    if (!ok) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.revokeSession(session.id));
    } catch {
      return; // The toast says why.
    } finally {
      this.busy.set(false);
    }
    if (session.current) {
      this.auth.endSession('You signed out this device.', false);
      return;
    }
    this.snackBar.open('The device was signed out', 'Dismiss', { duration: 5000 });
    this.load();
  }
}
