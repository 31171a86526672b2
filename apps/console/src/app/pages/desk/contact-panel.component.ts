import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { InteractionSummary } from '@switchboard/contracts';
import { channelLabel } from './desk-labels';

/** Only web addresses become links (never `javascript:` or the like). */
const WEB_ADDRESS = /^https?:\/\//i;

/**
 * Who the agent is talking to: the contact's name and address (masked by the server when the
 * agent's data is masked), their answers to the pre-chat form (masked the same way), the page
 * they wrote from, the channel and times.
 */
@Component({
  selector: 'sb-contact-panel',
  imports: [DatePipe],
  template: `
    <aside class="panel" data-testid="contact-panel" aria-labelledby="contact-panel-title">
      <h3 id="contact-panel-title">Visitor</h3>
      <dl>
        <dt>Name</dt>
        <dd data-testid="contact-panel-name">{{ interaction().contactName || '—' }}</dd>
        <dt>Address</dt>
        <dd data-testid="contact-panel-address">{{ interaction().contactAddress }}</dd>
        @for (answer of answers(); track answer.key) {
          <dt>{{ answer.label }}</dt>
          <dd data-testid="contact-panel-field" [attr.data-key]="answer.key">{{ answer.value }}</dd>
        }
        @if (interaction().pageUrl; as pageUrl) {
          <dt>Page</dt>
          <dd data-testid="contact-panel-page">
            @if (linkable()) {
              <a [href]="pageUrl" target="_blank" rel="noopener noreferrer">{{ pageUrl }}</a>
            } @else {
              {{ pageUrl }}
            }
          </dd>
        }
        <dt>Channel</dt>
        <dd>{{ channel() }}</dd>
        <dt>Started</dt>
        <dd>
          <time [attr.datetime]="interaction().createdAt">{{ interaction().createdAt | date: 'short' }}</time>
        </dd>
        @if (interaction().answeredAt; as answeredAt) {
          <dt>Answered</dt>
          <dd>
            <time [attr.datetime]="answeredAt">{{ answeredAt | date: 'short' }}</time>
          </dd>
        }
      </dl>
    </aside>
  `,
  styles: `
    .panel { padding: 12px 16px; border-left: 1px solid var(--mat-sys-outline-variant); height: 100%; box-sizing: border-box; overflow-y: auto; }
    h3 { margin: 0 0 8px; font: var(--mat-sys-title-small); }
    dl { margin: 0; }
    dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); margin-top: 8px; }
    dd { margin: 2px 0 0; overflow-wrap: anywhere; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactPanelComponent {
  readonly interaction = input.required<InteractionSummary>();

  protected readonly channel = computed(() => channelLabel(this.interaction().channel));
  protected readonly linkable = computed(() => WEB_ADDRESS.test(this.interaction().pageUrl ?? ''));
  /** The pre-chat answers, each under its field key made readable ("order_no" → "Order no"). */
  protected readonly answers = computed(() =>
    Object.entries(this.interaction().contactFields ?? {})
      .filter(([, value]) => value !== '')
      .map(([key, value]) => ({ key, value, label: (key.charAt(0).toUpperCase() + key.slice(1)).replace(/[-_]+/g, ' ') })),
  );
}
