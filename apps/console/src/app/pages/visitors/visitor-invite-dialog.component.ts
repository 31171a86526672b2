import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ErrorCode, type ApiError, type Invitation, type OnlineVisitor } from '@switchboard/contracts';
import { VisitorsApi } from '../../api/visitors-api.service';
import { errorMessage } from '../../core/error.interceptor';
import { applyServerErrors, validationMessage } from '../../shared/server-errors';
import { visitorLabel } from './visitor-labels';

/** Longest message of a proactive invitation, in characters. */
export const INVITE_MESSAGE_MAX = 500;

/**
 * Asks a browsing visitor to chat with the caller: their chat box shows the invitation with the
 * agent's words (or a greeting in their language). Closes with the invitation once it is shown.
 */
@Component({
  selector: 'sb-visitor-invite-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Invite {{ label }} to chat</h2>
    <form [formGroup]="form" (ngSubmit)="send()">
      <mat-dialog-content class="sb-dialog-form">
        <p class="explain">Their chat box on {{ visitor.siteName }} shows your invitation; the chat comes to you if they accept.</p>
        <mat-form-field appearance="outline">
          <mat-label>Message (optional)</mat-label>
          <textarea matInput formControlName="message" rows="3" [maxlength]="max" cdkFocusInitial data-testid="visitor-invite-message"></textarea>
          <mat-hint>Empty: a greeting in the visitor's language</mat-hint>
          <mat-hint align="end">{{ form.controls.message.value.length }} / {{ max }}</mat-hint>
          <mat-error data-testid="visitor-invite-message-error">{{ message(form.controls.message.errors) }}</mat-error>
        </mat-form-field>
        @if (failure()) {
          <p class="sb-error-text" role="alert" data-testid="visitor-invite-error">{{ failure() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy() || gone()" data-testid="visitor-invite-send">Send</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content.sb-dialog-form { display: flex; }
    .explain { margin: 0 0 12px; color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitorInviteDialogComponent {
  protected readonly visitor = inject<OnlineVisitor>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<VisitorInviteDialogComponent, Invitation>>(MatDialogRef);
  private readonly api = inject(VisitorsApi);

  protected readonly label = visitorLabel(this.visitor);
  protected readonly max = INVITE_MESSAGE_MAX;
  protected readonly message = validationMessage;
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  /** The visitor left the site: nothing more to send. */
  protected readonly gone = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({ message: ['', Validators.maxLength(INVITE_MESSAGE_MAX)] });

  protected send(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const message = this.form.getRawValue().message.trim();
    this.busy.set(true);
    this.failure.set('');
    this.api.invite({ siteId: this.visitor.siteId, visitorId: this.visitor.id, ...(message ? { message } : {}) }).subscribe({
      next: (invitation) => this.ref.close(invitation),
      error: (error: unknown) => {
        this.busy.set(false);
        if (applyServerErrors(this.form, error).length) return;
        const code = error instanceof HttpErrorResponse ? (error.error as Partial<ApiError> | null)?.code : undefined;
        if (code === ErrorCode.NotFound) {
          this.gone.set(true);
          this.failure.set(`${this.label} has left the site.`);
          return;
        }
        this.failure.set(error instanceof HttpErrorResponse ? errorMessage(error) : 'The invitation could not be sent.');
      },
    });
  }
}
