import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { InteractionSummary } from '@switchboard/contracts';
import { ComposerComponent } from './composer.component';
import { ContactPanelComponent } from './contact-panel.component';
import { chatLines, DeskConversations } from './desk-conversations.service';
import { channelLabel, contactLabel } from './desk-labels';
import { MessageListComponent } from './message-list.component';

/**
 * The conversation on screen: its messages, whether the contact is typing, the composer, and
 * the visitor's details; transfer and close are the desk's (this pane asks for them).
 */
@Component({
  selector: 'sb-chat-pane',
  imports: [MatButtonModule, MatIconModule, ComposerComponent, ContactPanelComponent, MessageListComponent],
  template: `
    <section class="pane" data-testid="chat-pane" [attr.data-interaction]="interaction().id" [attr.aria-label]="'Conversation with ' + contact()">
      <header class="head">
        <div class="title">
          <h2 data-testid="chat-contact">{{ contact() }}</h2>
          <span class="channel">{{ channel() }}</span>
        </div>
        <button mat-button type="button" (click)="transferChat.emit()" [disabled]="busy()" data-testid="chat-transfer">
          <mat-icon>forward</mat-icon>
          Transfer
        </button>
        <button mat-stroked-button type="button" (click)="closeChat.emit()" [disabled]="busy()" data-testid="chat-close">
          <mat-icon>done</mat-icon>
          Close
        </button>
      </header>
      <div class="body">
        <div class="conversation">
          <sb-message-list
            [conversationId]="interaction().id"
            [lines]="lines()"
            [contactName]="contact()"
            [loading]="conversation()?.loading ?? true"
            [error]="conversation()?.loadError ?? null"
            (retry)="conversations.retry(interaction().id, $event)"
            (discard)="conversations.discard(interaction().id, $event)"
            (reload)="conversations.load(interaction().id)"
            (download)="conversations.download(interaction().id, $event)"
          />
          <p class="typing" aria-live="polite">
            @if (conversation()?.contactTyping) {
              <span data-testid="chat-typing">{{ contact() }} is typing…</span>
            }
          </p>
          <sb-composer
            [draft]="conversation()?.draft ?? ''"
            [disabled]="busy()"
            (draftChange)="conversations.setDraft(interaction().id, $event)"
            (typing)="conversations.typing(interaction().id)"
            (send)="conversations.send(interaction().id, $event)"
            (attach)="conversations.attach(interaction().id, $event)"
          />
        </div>
        <sb-contact-panel class="contact" [interaction]="interaction()" />
      </div>
    </section>
  `,
  styles: `
    :host { display: block; }
    .pane { display: flex; flex-direction: column; height: min(70vh, 720px); min-height: 360px; border: 1px solid var(--mat-sys-outline-variant); border-top: 0; border-radius: 0 0 12px 12px; }
    .head { display: flex; align-items: center; gap: 8px; padding: 8px 16px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .title { flex: 1; min-width: 0; display: flex; align-items: baseline; gap: 12px; }
    h2 { margin: 0; font: var(--mat-sys-title-medium); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .channel { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-label-medium); }
    .body { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) 260px; }
    .conversation { display: flex; flex-direction: column; min-height: 0; }
    .typing { margin: 0; padding: 0 16px; min-height: 20px; font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); font-style: italic; }
    @media (max-width: 900px) {
      .body { grid-template-columns: minmax(0, 1fr); }
      .contact { display: none; }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatPaneComponent {
  protected readonly conversations = inject(DeskConversations);

  readonly interaction = input.required<InteractionSummary>();
  /** A close or transfer is under way. */
  readonly busy = input(false);
  readonly closeChat = output<void>();
  readonly transferChat = output<void>();

  protected readonly contact = computed(() => contactLabel(this.interaction()));
  protected readonly channel = computed(() => channelLabel(this.interaction().channel));
  protected readonly conversation = computed(() => this.conversations.conversation(this.interaction().id));
  protected readonly lines = computed(() => {
    const conversation = this.conversation();
    return conversation ? chatLines(conversation) : [];
  });
}
