import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { InteractionMessage, InteractionSummary, StaffChannel, Transcript } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { HistoryApi } from '../../api/history-api.service';
import { saveBlob } from '../../shared/download';
import { CHANNEL_LABELS } from '../../shared/labels';
import { STATUS_LABELS } from './history-labels';
import { HistoryOptions } from './history-options';

const RATING_MAX = 5;

/**
 * One interaction's transcript: who wrote what and when, and the contact's rating. Every text
 * is interpolated, never bound as HTML: what contacts write is shown exactly as written.
 */
@Component({
  selector: 'sb-transcript-dialog',
  host: { 'data-testid': 'history-transcript', '[attr.data-interaction]': 'interaction.id' },
  imports: [DatePipe, MatDialogModule, MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>{{ contact }}</h2>
    <mat-dialog-content>
      <p class="facts">
        <span>{{ channelLabel }}</span>
        <span>{{ interaction.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span>
        <span data-testid="history-transcript-status">{{ statusLabels[interaction.status] }}</span>
        @if (agent(); as name) {
          <span data-testid="history-transcript-agent">Agent: {{ name }}</span>
        }
      </p>
      @if (transcript(); as loaded) {
        <ol class="messages" aria-label="Messages">
          @for (message of loaded.messages; track message.id) {
            <li class="message" [class.out]="message.direction === 'out'" data-testid="history-message" [attr.data-direction]="message.direction">
              <div class="meta">
                <strong data-testid="history-message-author">{{ author(message) }}</strong>
                <time [attr.datetime]="message.createdAt" data-testid="history-message-time">{{ message.createdAt | date: 'yyyy-MM-dd HH:mm:ss' }}</time>
                @if (message.delivery === 'failed') {
                  <span class="sb-error-text">Not delivered{{ message.deliveryError ? ': ' + message.deliveryError : '' }}</span>
                }
              </div>
              <p class="body" data-testid="history-message-body">{{ message.body }}</p>
            </li>
          } @empty {
            <li class="empty">No messages.</li>
          }
        </ol>
        <section class="rating" aria-label="Rating" data-testid="history-rating">
          @if (loaded.rating; as rating) {
            <span class="stars" [attr.aria-label]="'Rated ' + rating.value + ' out of ' + ratingMax" data-testid="history-rating-value" [attr.data-value]="rating.value">
              @for (star of stars; track star) {
                <mat-icon aria-hidden="true" [class.filled]="star <= rating.value">star</mat-icon>
              }
              <span>{{ rating.value }} / {{ ratingMax }}</span>
            </span>
            @if (rating.comment) {
              <q data-testid="history-rating-comment">{{ rating.comment }}</q>
            }
          } @else {
            <span class="none">Not rated.</span>
          }
        </section>
      } @else if (failed()) {
        <p class="sb-error-text" role="alert">The transcript could not be loaded.</p>
      } @else {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the transcript" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (mayExport) {
        <button mat-stroked-button type="button" (click)="export()" [disabled]="exporting()" data-testid="history-export">
          <mat-icon>download</mat-icon>
          Export
        </button>
      }
      <button mat-flat-button type="button" mat-dialog-close data-testid="history-transcript-close">Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .facts { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 0 12px; color: var(--mat-sys-on-surface-variant); }
    .messages { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
    .message { max-width: 85%; align-self: flex-start; padding: 8px 12px; border-radius: 12px; background: var(--mat-sys-surface-container-high); }
    .message.out { align-self: flex-end; background: var(--mat-sys-secondary-container); }
    .meta { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; font: var(--mat-sys-label-medium); }
    .meta time { color: var(--mat-sys-on-surface-variant); }
    .body { margin: 4px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .empty, .none { color: var(--mat-sys-on-surface-variant); }
    .rating { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-top: 16px; padding-top: 12px; border-top: 1px solid var(--mat-sys-outline-variant); }
    .stars { display: inline-flex; align-items: center; gap: 2px; }
    .stars mat-icon { color: var(--mat-sys-primary); font-size: 20px; width: 20px; height: 20px; }
    .stars mat-icon.filled { font-variation-settings: 'FILL' 1; }
    .stars span { margin-left: 6px; }
    q { overflow-wrap: anywhere; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TranscriptDialogComponent {
  private readonly api = inject(HistoryApi);
  /** The page's lookups: open the dialog with the page's injector. */
  private readonly options = inject(HistoryOptions);

  protected readonly interaction = inject<InteractionSummary>(MAT_DIALOG_DATA);
  protected readonly contact = this.interaction.contactName ?? this.interaction.contactAddress;
  protected readonly channelLabel = CHANNEL_LABELS[this.interaction.channel as StaffChannel] ?? this.interaction.channel;
  protected readonly agent = computed(() => this.options.agentName(this.interaction.agentId));
  protected readonly mayExport = this.options.access().export;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly ratingMax = RATING_MAX;
  protected readonly stars = Array.from({ length: RATING_MAX }, (_, index) => index + 1);
  protected readonly transcript = signal<Transcript | null>(null);
  protected readonly failed = signal(false);
  protected readonly exporting = signal(false);

  constructor() {
    this.api.transcript(this.interaction.id).subscribe({
      next: (transcript) => this.transcript.set(transcript),
      error: () => this.failed.set(true),
    });
  }

  /** The name stored with the message (as it was then), else the contact or "Agent". */
  protected author(message: InteractionMessage): string {
    if (message.authorName) return message.authorName;
    return message.direction === 'in' ? this.contact : this.agent() || 'Agent';
  }

  /** The server's text file (masked as this user sees contacts), saved by the browser. */
  protected async export(): Promise<void> {
    this.exporting.set(true);
    try {
      saveBlob(await firstValueFrom(this.api.exportText(this.interaction.id)), `interaction-${this.interaction.id}.txt`);
    } catch {
      // The error toast has said why.
    } finally {
      this.exporting.set(false);
    }
  }
}
