import { DatePipe } from '@angular/common';
import { afterRenderEffect, ChangeDetectionStrategy, Component, type ElementRef, input, output, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { MessageAttachment } from '@switchboard/contracts';
import type { ChatLine } from './desk-conversations.service';

/** Closer to the bottom than this (px), the list follows new messages. */
const FOLLOW_MARGIN = 48;

/**
 * A conversation's messages: the contact's on the left, the agent's on the right, each with
 * its author and time, its files (each downloads through the authorized endpoint), and for the
 * agent's their delivery (sending, sent, read, failed). All text is interpolated: a contact's
 * markup, and a file's name, show as written.
 */
@Component({
  selector: 'sb-message-list',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the messages" />
    }
    @if (error(); as error) {
      <p class="load-error" role="alert">
        <span class="sb-error-text">{{ error }}</span>
        <button mat-button type="button" (click)="reload.emit()" data-testid="chat-reload">Try again</button>
      </p>
    }
    <div class="scroller" #scroller (scroll)="onScroll()" role="log" aria-live="polite" aria-label="Messages" tabindex="0" data-testid="chat-messages">
      @for (line of lines(); track line.key) {
        <div class="line" [class.out]="line.direction === 'out'" data-testid="chat-message" [attr.data-direction]="line.direction" [attr.data-delivery]="line.delivery" [attr.data-read]="line.read || null">
          <div class="bubble">
            <div class="meta">
              <span class="author" data-testid="chat-author">{{ line.authorName || (line.direction === 'in' ? contactName() : 'You') }}</span>
              <time [attr.datetime]="line.at" [matTooltip]="(line.at | date: 'medium') ?? ''">{{ line.at | date: 'shortTime' }}</time>
            </div>
            @if (line.body || (!line.attachments.length && !line.fileName)) {
              <p class="body" data-testid="chat-body">{{ line.body }}</p>
            }
            @for (file of line.attachments; track file.id) {
              <button mat-stroked-button type="button" class="file" (click)="download.emit(file)" [attr.aria-label]="'Download ' + file.name" data-testid="chat-attachment">
                <mat-icon>attach_file</mat-icon>
                <span class="file-name">{{ file.name }}</span>
                <span class="file-size">{{ size(file.size) }}</span>
              </button>
            }
            @if (line.fileName; as name) {
              <p class="file pending" data-testid="chat-pending-file"><mat-icon class="small" aria-hidden="true">attach_file</mat-icon> {{ name }}</p>
            }
            @if (line.direction === 'out') {
              <div class="state" data-testid="chat-delivery">
                @switch (line.delivery) {
                  @case ('sending') {
                    <mat-icon class="small" aria-hidden="true">schedule</mat-icon> Sending…
                  }
                  @case ('pending') {
                    <mat-icon class="small" aria-hidden="true">schedule</mat-icon> Delivering…
                  }
                  @case ('sent') {
                    @if (line.read) {
                      <mat-icon class="small" aria-hidden="true">done_all</mat-icon> Read
                    } @else {
                      <mat-icon class="small" aria-hidden="true">done</mat-icon> Sent
                    }
                  }
                  @case ('failed') {
                    <span class="sb-error-text" role="alert"><mat-icon class="small" aria-hidden="true">error</mat-icon> Not delivered{{ line.error ? ': ' + line.error : '' }}</span>
                  }
                  @case ('unsent') {
                    <span class="sb-error-text" role="alert" data-testid="chat-send-error"><mat-icon class="small" aria-hidden="true">error</mat-icon> Not sent{{ line.error ? ': ' + line.error : '' }}</span>
                    @if (line.clientId; as clientId) {
                      <span class="retry">
                        <button mat-button type="button" (click)="retry.emit(clientId)" data-testid="chat-retry">Send again</button>
                        <button mat-button type="button" (click)="discard.emit(clientId)" data-testid="chat-discard">Discard</button>
                      </span>
                    }
                  }
                }
              </div>
            }
          </div>
        </div>
      } @empty {
        @if (!loading() && !error()) {
          <p class="sb-empty">No messages yet.</p>
        }
      }
    </div>
  `,
  styles: `
    :host { display: flex; flex-direction: column; min-height: 0; flex: 1; }
    .scroller { flex: 1; overflow-y: auto; padding: 12px 16px; display: flex; flex-direction: column; gap: 8px; }
    .line { display: flex; }
    .line.out { justify-content: flex-end; }
    .bubble { max-width: min(70%, 640px); padding: 8px 12px; border-radius: 12px; background: var(--mat-sys-surface-container-high); }
    .out .bubble { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .meta { display: flex; gap: 8px; align-items: baseline; font: var(--mat-sys-label-small); color: inherit; opacity: 0.8; }
    .author { font-weight: 500; overflow-wrap: anywhere; }
    .body { margin: 4px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .state { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin-top: 4px; font: var(--mat-sys-label-small); justify-content: flex-end; }
    .small { font-size: 14px; width: 14px; height: 14px; vertical-align: middle; }
    .load-error { display: flex; align-items: center; gap: 8px; margin: 8px 16px; }
    .file { display: flex; max-width: 100%; margin-top: 6px; gap: 6px; align-items: center; }
    .file-name { overflow-wrap: anywhere; white-space: normal; text-align: left; }
    .file-size { margin-left: 6px; opacity: 0.7; font: var(--mat-sys-label-small); }
    .pending { margin: 4px 0 0; font-style: italic; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageListComponent {
  /** The conversation shown: another one starts at its end. */
  readonly conversationId = input.required<string>();
  readonly lines = input.required<readonly ChatLine[]>();
  /** Who "in" lines without an author name are from. */
  readonly contactName = input.required<string>();
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  readonly retry = output<string>();
  readonly discard = output<string>();
  readonly reload = output<void>();
  /** A file of a message to download. */
  readonly download = output<MessageAttachment>();

  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  /** Whether the list is scrolled to its end (then it follows new messages). */
  private following = true;
  private shown: string | null = null;

  constructor() {
    afterRenderEffect({
      write: () => {
        const lines = this.lines();
        const element = this.scroller().nativeElement;
        if (this.conversationId() !== this.shown) {
          this.shown = this.conversationId();
          this.following = true;
        }
        // The agent's own new message brings the list down even when scrolled up.
        if (this.following || lines.at(-1)?.delivery === 'sending') element.scrollTop = element.scrollHeight;
      },
    });
  }

  protected size(bytes: number): string {
    return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
  }

  protected onScroll(): void {
    const element = this.scroller().nativeElement;
    this.following = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_MARGIN;
  }
}
