import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule, type FormArray } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { PRE_CHAT_FIELD_TYPES, type PreChatFieldType } from '@switchboard/contracts';
import { watchForm } from '../../shared/form-signals';
import { validationMessage } from '../../shared/server-errors';
import { MAX_PRE_CHAT_FIELDS, preChatRow, type PreChatRow } from './site-form';

const TYPE_LABELS: Record<PreChatFieldType, string> = { name: 'Name', email: 'E-mail', phone: 'Phone', text: 'Text', textarea: 'Long text' };

/** The pre-chat form's fields as rows: key, label, type, required; added, removed and moved. */
@Component({
  selector: 'sb-pre-chat-fields',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule],
  template: `
    <p class="explain">What the chat box asks before a chat starts, from the top. Leave no fields for a chat that starts at once.</p>
    <div class="rows" role="list" aria-label="Pre-chat fields" data-testid="prechat-fields">
      @for (row of rows(); track row; let index = $index; let first = $first; let last = $last) {
        <div class="row" role="listitem" [formGroup]="row" [attr.data-testid]="'prechat-row-' + index">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Key</mat-label>
            <input matInput formControlName="key" required autocomplete="off" spellcheck="false" [attr.data-testid]="'prechat-key-' + index" />
            <mat-error [attr.data-testid]="'prechat-key-error-' + index">{{ message(row.controls.key.errors, { pattern: keyHint }) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Label</mat-label>
            <input matInput formControlName="label" required autocomplete="off" [attr.data-testid]="'prechat-label-' + index" />
            <mat-error>{{ message(row.controls.label.errors) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Type</mat-label>
            <mat-select formControlName="type" [attr.data-testid]="'prechat-type-' + index">
              @for (type of types; track type) {
                <mat-option [value]="type">{{ typeLabels[type] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-checkbox formControlName="required" [attr.data-testid]="'prechat-required-' + index">Required</mat-checkbox>
          <div class="actions">
            <button mat-icon-button type="button" (click)="move(index, -1)" [disabled]="first" [attr.aria-label]="'Move field ' + (index + 1) + ' up'">
              <mat-icon>arrow_upward</mat-icon>
            </button>
            <button mat-icon-button type="button" (click)="move(index, 1)" [disabled]="last" [attr.aria-label]="'Move field ' + (index + 1) + ' down'">
              <mat-icon>arrow_downward</mat-icon>
            </button>
            <button mat-icon-button type="button" (click)="remove(index)" [attr.aria-label]="'Remove field ' + (index + 1)" [attr.data-testid]="'prechat-remove-' + index">
              <mat-icon>delete</mat-icon>
            </button>
          </div>
        </div>
      } @empty {
        <p class="sb-empty" data-testid="prechat-empty">No pre-chat form: the chat starts at once.</p>
      }
    </div>
    @if (duplicates()) {
      <p class="sb-error-text" role="alert" data-testid="prechat-duplicates">Each field needs its own key: {{ duplicates() }}</p>
    }
    @if (error()) {
      <p class="sb-error-text" role="alert" data-testid="prechat-error">{{ error() }}</p>
    }
    <div>
      <button mat-stroked-button type="button" (click)="add()" [disabled]="rows().length >= max" data-testid="prechat-add">
        <mat-icon>add</mat-icon>
        Add a field
      </button>
    </div>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 8px; }
    .explain { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .rows { display: flex; flex-direction: column; gap: 8px; }
    .row { display: grid; grid-template-columns: minmax(120px, 1fr) minmax(160px, 2fr) minmax(120px, 1fr) auto auto; gap: 8px 12px; align-items: center; }
    .actions { display: flex; }
    .sb-empty { padding: 8px; }
    @media (max-width: 720px) { .row { grid-template-columns: 1fr 1fr; } }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PreChatFieldsComponent {
  readonly fields = input.required<FormArray<PreChatRow>>();
  /** The server's message about the list as a whole. */
  readonly error = input('');

  protected readonly rows = watchForm(this.fields, (array) => [...array.controls]);
  protected readonly duplicates = watchForm(this.fields, (array) => ((array.errors?.['duplicateKeys'] as string[] | undefined) ?? []).join(', '));
  protected readonly types = PRE_CHAT_FIELD_TYPES;
  protected readonly typeLabels = TYPE_LABELS;
  protected readonly max = MAX_PRE_CHAT_FIELDS;
  protected readonly keyHint = 'Lower-case letters, digits, - and _, starting with a letter (at most 40)';
  protected readonly message = validationMessage;

  protected add(): void {
    this.fields().push(preChatRow());
    this.fields().markAsDirty();
  }

  protected remove(index: number): void {
    this.fields().removeAt(index);
    this.fields().markAsDirty();
  }

  protected move(index: number, step: -1 | 1): void {
    const array = this.fields();
    const row = array.at(index);
    array.removeAt(index, { emitEvent: false });
    array.insert(index + step, row);
    array.markAsDirty();
  }
}
