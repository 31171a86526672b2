import { afterNextRender, ChangeDetectionStrategy, Component, type ElementRef, inject, Injector, input, output, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { CANNED_ANSWERS, type CannedAnswer } from './canned-answers';

/** The server's limit of a reply, in characters. */
export const REPLY_MAX = 10_000;

/**
 * Where the agent writes: Enter sends, Shift+Enter starts a new line; a menu inserts a canned
 * answer where the cursor is, a button sends a file. The text itself is kept by the desk (per conversation).
 */
@Component({
  selector: 'sb-composer',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatTooltipModule],
  template: `
    <div class="composer">
      <button mat-icon-button type="button" [matMenuTriggerFor]="canned" [matMenuTriggerRestoreFocus]="false" (menuClosed)="backToText()" [disabled]="disabled()" matTooltip="Canned answers" aria-label="Canned answers" data-testid="chat-canned">
        <mat-icon>quickreply</mat-icon>
      </button>
      <mat-menu #canned="matMenu" aria-label="Canned answers">
        @for (answer of answers; track answer.title) {
          <button mat-menu-item type="button" (click)="insert(answer)" [attr.data-testid]="'chat-canned-' + $index">
            <span class="canned-title">{{ answer.title }}</span>
            <span class="canned-text">{{ answer.text }}</span>
          </button>
        }
      </mat-menu>
      <button mat-icon-button type="button" (click)="picker.click()" [disabled]="disabled()" matTooltip="Attach a file" aria-label="Attach a file" data-testid="chat-attach">
        <mat-icon>attach_file</mat-icon>
      </button>
      <input #picker type="file" hidden [accept]="accept" (change)="picked(picker)" data-testid="chat-file" />
      <textarea
        #input
        class="input"
        rows="2"
        [maxLength]="max"
        [value]="draft()"
        [disabled]="disabled()"
        (input)="edited(input.value)"
        (keydown.enter)="enter($event)"
        placeholder="Write a reply… (Enter sends, Shift+Enter for a new line)"
        aria-label="Reply"
        data-testid="chat-input"
      ></textarea>
      <button mat-flat-button type="button" (click)="submit()" [disabled]="disabled() || !draft().trim()" data-testid="chat-send">
        <mat-icon>send</mat-icon>
        Send
      </button>
    </div>
  `,
  styles: `
    .composer { display: flex; align-items: flex-end; gap: 8px; padding: 8px 16px 12px; border-top: 1px solid var(--mat-sys-outline-variant); }
    .input {
      flex: 1; resize: vertical; min-height: 40px; max-height: 200px; padding: 8px 12px; box-sizing: border-box;
      font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface); background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline); border-radius: 8px;
    }
    .input:focus { outline: 2px solid var(--mat-sys-primary); outline-offset: -1px; }
    .canned-title { display: block; font-weight: 500; }
    .canned-text { display: block; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); white-space: normal; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComposerComponent {
  private readonly injector = inject(Injector);

  readonly draft = input.required<string>();
  readonly disabled = input(false);
  readonly draftChange = output<string>();
  /** The text to send (the composer is emptied by the desk). */
  readonly send = output<string>();
  /** A key was typed. */
  readonly typing = output<void>();
  /** A file to send. */
  readonly attach = output<File>();

  protected readonly answers = CANNED_ANSWERS;
  protected readonly max = REPLY_MAX;
  /** What the file picker offers (the server judges the content anyway). */
  protected readonly accept = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.txt,.csv,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';
  private readonly input = viewChild.required<ElementRef<HTMLTextAreaElement>>('input');
  /** Where the cursor goes once the canned answers' menu has closed. */
  private caret: number | null = null;

  protected edited(text: string): void {
    this.draftChange.emit(text);
    if (text) this.typing.emit();
  }

  protected picked(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    // Emptied, so that the same file can be chosen again.
    picker.value = '';
    if (file && !this.disabled()) this.attach.emit(file);
  }

  protected enter(event: Event): void {
    const key = event as KeyboardEvent;
    // Shift+Enter is a new line; Enter while an input method composes a word belongs to it.
    if (key.shiftKey || key.isComposing) return;
    event.preventDefault();
    this.submit();
  }

  protected submit(): void {
    const text = this.input().nativeElement.value;
    if (this.disabled() || !text.trim()) return;
    this.send.emit(text);
    this.input().nativeElement.focus();
  }

  /** Puts the answer where the cursor is (replacing a selection), then the cursor after it. */
  protected insert(answer: CannedAnswer): void {
    const element = this.input().nativeElement;
    const text = element.value;
    const start = element.selectionStart ?? text.length;
    const end = element.selectionEnd ?? text.length;
    const next = (text.slice(0, start) + answer.text + text.slice(end)).slice(0, REPLY_MAX);
    element.value = next;
    this.draftChange.emit(next);
    this.caret = Math.min(start + answer.text.length, next.length);
  }

  /** The menu closed (an answer chosen or not): writing goes on in the text. */
  protected backToText(): void {
    const caret = this.caret;
    this.caret = null;
    afterNextRender(
      () => {
        const element = this.input().nativeElement;
        element.focus();
        if (caret !== null) element.setSelectionRange(caret, caret);
      },
      { injector: this.injector },
    );
  }
}
