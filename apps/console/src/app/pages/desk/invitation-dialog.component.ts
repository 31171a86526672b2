import { ClipboardModule } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ErrorCode, type ApiError, type Invitation, type InvitationSite } from '@switchboard/contracts';
import { InvitationsApi } from '../../api/invitations-api.service';
import { AuthService } from '../../core/auth.service';
import { errorMessage } from '../../core/error.interceptor';
import { pagedList } from '../../shared/paged-list';
import { applyServerErrors, validationMessage } from '../../shared/server-errors';

/** Rows per page of the agent's invitations. */
const PAGE_SIZE = 5;

export type InvitationState = 'valid' | 'used' | 'invalidated';

/** Whether an invitation can still open a chat, and if not, why. */
export function invitationState(invitation: Invitation): InvitationState {
  if (invitation.valid) return 'valid';
  return invitation.invalidatedAt ? 'invalidated' : 'used';
}

const STATE_LABELS: Record<InvitationState, string> = { valid: 'Valid', used: 'Used', invalidated: 'Invalidated' };

/** Why a request about an invitation failed, in words. */
function failureText(error: unknown, fallback: string): string {
  if (!(error instanceof HttpErrorResponse)) return fallback;
  const body = error.error as Partial<ApiError> | null;
  if (body?.code === ErrorCode.InvitationInvalid) return 'This invitation can no longer open a chat: it was used or invalidated already.';
  return errorMessage(error);
}

/**
 * Seed 001's "Pozvánka" on the agent desk: a link that connects a visitor straight to this agent.
 * Each link from the desk is good for one chat and never expires; the agent's links are listed
 * below, newest first, and any that can still open a chat may be invalidated.
 */
@Component({
  selector: 'sb-invitation-dialog',
  imports: [
    ClipboardModule,
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
  ],
  template: `
    <h2 mat-dialog-title>Chat invitation</h2>
    <mat-dialog-content>
      <p class="explain">
        Send a visitor a link that opens a chat with you. Each link is good for one chat and does not expire; invalidate a link you no longer want to be used.
      </p>
      <form [formGroup]="form" (ngSubmit)="create()" class="create" aria-label="New invitation">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="site">
          <mat-label>Site</mat-label>
          <mat-select formControlName="siteId" data-testid="invitation-site">
            @for (site of sites(); track site.id) {
              <mat-option [value]="site.id">{{ site.name }}</mat-option>
            }
          </mat-select>
          @if (sites()?.length === 0) {
            <mat-hint data-testid="invitation-no-sites">No site is enabled.</mat-hint>
          }
          <mat-error>{{ message(form.controls.siteId.errors) }}</mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="creating() || !sites()?.length" data-testid="invitation-create">
          <mat-icon>add_link</mat-icon>
          Create link
        </button>
      </form>
      @if (failure()) {
        <p class="sb-error-text" role="alert" data-testid="invitation-error">{{ failure() }}</p>
      }

      @if (created(); as invitation) {
        <div class="link">
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="url">
            <mat-label>Invitation link · {{ invitation.siteName }}</mat-label>
            <input matInput readonly #url [value]="invitation.url" (focus)="url.select()" spellcheck="false" data-testid="invitation-url" />
          </mat-form-field>
          <button
            mat-stroked-button
            type="button"
            [cdkCopyToClipboard]="invitation.url"
            (cdkCopyToClipboardCopied)="copied.set($event)"
            [disabled]="!invitation.valid"
            data-testid="invitation-copy"
          >
            <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
            {{ copied() ? 'Copied' : 'Copy' }}
          </button>
        </div>
        @if (!invitation.valid) {
          <p class="hint" data-testid="invitation-url-state">This link is {{ stateLabel(invitation).toLowerCase() }}: it no longer opens a chat.</p>
        }
      }

      <h3>My invitations</h3>
      <div class="sb-table-wrap">
        @if (list.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the invitations" />
        }
        <table mat-table [dataSource]="list.items()" [trackBy]="trackById" aria-label="My invitations">
          <ng-container matColumnDef="site">
            <th mat-header-cell *matHeaderCellDef>Site</th>
            <td mat-cell *matCellDef="let invitation" data-testid="invitation-site-name">{{ invitation.siteName }}</td>
          </ng-container>
          <ng-container matColumnDef="created">
            <th mat-header-cell *matHeaderCellDef>Created</th>
            <td mat-cell *matCellDef="let invitation" [title]="invitation.url">{{ invitation.createdAt | date: 'short' }}</td>
          </ng-container>
          <ng-container matColumnDef="kind">
            <th mat-header-cell *matHeaderCellDef>Kind</th>
            <td mat-cell *matCellDef="let invitation" data-testid="invitation-kind">{{ invitation.reusable ? 'Reusable' : 'One chat' }}</td>
          </ng-container>
          <ng-container matColumnDef="uses">
            <th mat-header-cell *matHeaderCellDef class="number">Chats</th>
            <td mat-cell *matCellDef="let invitation" class="number" data-testid="invitation-uses" [matTooltip]="invitation.lastUsedAt ? 'Last used ' + (invitation.lastUsedAt | date: 'short') : ''">
              {{ invitation.uses }}
            </td>
          </ng-container>
          <ng-container matColumnDef="state">
            <th mat-header-cell *matHeaderCellDef>State</th>
            <td mat-cell *matCellDef="let invitation">
              <span class="state" [attr.data-state]="state(invitation)" data-testid="invitation-state">{{ stateLabel(invitation) }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
            <td mat-cell *matCellDef="let invitation" class="actions">
              @if (invitation.valid) {
                <button mat-button type="button" (click)="invalidate(invitation)" [disabled]="working().has(invitation.id)" data-testid="invitation-invalidate">Invalidate</button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let invitation; columns: columns" data-testid="invitation-row" [attr.data-invitation-id]="invitation.id"></tr>
        </table>
        @if (list.loaded() && !list.items().length) {
          <p class="sb-empty" data-testid="invitation-empty">You have no invitations yet.</p>
        }
        @if (list.total() > pageSize) {
          <mat-paginator [length]="list.total()" [pageIndex]="list.pageIndex()" [pageSize]="pageSize" hidePageSize (page)="list.setPage($event)" aria-label="Invitation pages" />
        }
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="invitation-close">Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .explain, .hint { margin: 0 0 12px; color: var(--mat-sys-on-surface-variant); }
    .create, .link { display: flex; align-items: flex-start; flex-wrap: wrap; gap: 12px; margin-bottom: 12px; }
    .create button, .link button { margin-top: 8px; }
    .site { flex: 1; min-width: 220px; }
    .url { flex: 1; min-width: 280px; }
    .url input { font-family: ui-monospace, monospace; }
    h3 { font: var(--mat-sys-title-small); margin: 16px 0 8px; }
    .number { text-align: end; }
    .actions { text-align: end; white-space: nowrap; }
    .state { font: var(--mat-sys-label-medium); padding: 2px 8px; border-radius: 8px; white-space: nowrap; }
    .state[data-state='valid'] { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .state[data-state='used'] { background: var(--mat-sys-surface-container-highest); color: var(--mat-sys-on-surface-variant); }
    .state[data-state='invalidated'] { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
  host: { 'data-testid': 'invitation-dialog' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationDialogComponent {
  private readonly api = inject(InvitationsApi);
  private readonly auth = inject(AuthService);

  protected readonly pageSize = PAGE_SIZE;
  protected readonly columns = ['site', 'created', 'kind', 'uses', 'state', 'actions'];
  protected readonly message = validationMessage;
  protected readonly form = inject(NonNullableFormBuilder).group({ siteId: ['', Validators.required] });
  /** Null until loaded. */
  protected readonly sites = signal<InvitationSite[] | null>(null);
  protected readonly created = signal<Invitation | null>(null);
  protected readonly creating = signal(false);
  protected readonly copied = signal(false);
  protected readonly failure = signal('');
  /** Invitations with an invalidation under way. */
  protected readonly working = signal<ReadonlySet<string>>(new Set());
  /** The desk lists the caller's own invitations, whatever the role (an admin could see everyone's). */
  protected readonly list = pagedList((params) => this.api.list(params), { filters: { agentId: this.auth.user()?.id ?? '' }, pageSize: PAGE_SIZE });

  constructor() {
    this.api.sites().subscribe({
      next: (sites) => {
        this.sites.set(sites);
        // One site: nothing to choose.
        if (sites.length === 1) this.form.controls.siteId.setValue(sites[0].id);
      },
      error: () => this.sites.set([]),
    });
  }

  protected readonly trackById = (_: number, invitation: Invitation) => invitation.id;

  protected state(invitation: Invitation): InvitationState {
    return invitationState(invitation);
  }

  protected stateLabel(invitation: Invitation): string {
    return STATE_LABELS[invitationState(invitation)];
  }

  protected create(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.creating.set(true);
    this.failure.set('');
    this.api.create({ siteId: this.form.getRawValue().siteId, reusable: false }).subscribe({
      next: (invitation) => {
        this.creating.set(false);
        this.copied.set(false);
        this.created.set(invitation);
        // The newest comes first: show the first page with it.
        this.list.setPage({ pageIndex: 0, pageSize: PAGE_SIZE, length: this.list.total() + 1 });
      },
      error: (error: unknown) => {
        this.creating.set(false);
        if (!applyServerErrors(this.form, error).length) this.failure.set(failureText(error, 'The invitation could not be created.'));
      },
    });
  }

  protected invalidate(invitation: Invitation): void {
    this.working.update((set) => new Set(set).add(invitation.id));
    this.failure.set('');
    const done = () =>
      this.working.update((set) => {
        const next = new Set(set);
        next.delete(invitation.id);
        return next;
      });
    this.api.invalidate(invitation.id).subscribe({
      next: (changed) => {
        done();
        if (this.created()?.id === changed.id) this.created.set(changed);
        this.list.reload();
      },
      error: (error: unknown) => {
        done();
        this.failure.set(failureText(error, 'The invitation could not be invalidated.'));
        // Used meanwhile, say: show what it is now.
        this.list.reload();
      },
    });
  }
}
