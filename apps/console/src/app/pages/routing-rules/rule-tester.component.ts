import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { RuleMatch } from '@switchboard/contracts';
import { RoutingAdminApi } from '../../api/routing-admin-api.service';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';

/** The server wants a full address; people often type one without the scheme. */
function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
}

/** "Test an address": asks the server which enabled rule, and so which queue, a page would use. */
@Component({
  selector: 'sb-rule-tester',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="test()" class="tester" aria-label="Test an address">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="url">
        <mat-label>Test an address</mat-label>
        <mat-icon matPrefix>travel_explore</mat-icon>
        <input matInput type="url" formControlName="url" placeholder="https://www.example.com/support/" autocomplete="off" data-testid="match-url" />
        <mat-error data-testid="match-url-error">{{ message(form.controls.url.errors) }}</mat-error>
      </mat-form-field>
      <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="match-test">Test</button>
    </form>
    @if (result(); as answer) {
      <p class="result" role="status" data-testid="match-result">
        @if (answer.rule; as rule) {
          <mat-icon aria-hidden="true">check_circle</mat-icon>
          <span>
            {{ answer.url }} matches <strong>{{ rule.name }}</strong>:
            @if (rule.queueId) {
              the chat goes to the queue {{ queueNames().get(rule.queueId) ?? '(not found)' }}.
            } @else {
              the chat goes to the rule's chosen agents.
            }
          </span>
        } @else {
          <mat-icon aria-hidden="true">info</mat-icon>
          <span>No enabled rule matches {{ answer.url }}: the chat goes to every online agent.</span>
        }
      </p>
    }
  `,
  styles: `
    .tester { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px; }
    .url { flex: 1; min-width: 260px; max-width: 640px; }
    button { margin-top: 8px; }
    .result { display: flex; align-items: center; gap: 8px; margin: 8px 0 0; overflow-wrap: anywhere; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleTesterComponent {
  private readonly api = inject(RoutingAdminApi);
  /** Queue names by id (the page loads the queues). */
  readonly queueNames = input.required<ReadonlyMap<string, string>>();

  protected readonly form = inject(NonNullableFormBuilder).group({ url: ['', [Validators.required, Validators.maxLength(2000)]] });
  protected readonly busy = signal(false);
  protected readonly result = signal<RuleMatch | null>(null);
  protected readonly message = validationMessage;

  protected test(): void {
    this.result.set(null);
    submitForm(
      this.form,
      this.busy,
      () => this.api.matchRule(withScheme(this.form.controls.url.value.trim())),
      (match) => {
        this.busy.set(false);
        this.result.set(match);
      },
    );
  }
}
