import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { AgentQueueMembership } from '@switchboard/contracts';
import { AgentsApi } from '../../../api/agents-api.service';
import { CHANNEL_ICONS, CHANNEL_LABELS } from '../../../shared/labels';
import { LatestLoad } from '../../../shared/latest-load';

/** The queues an agent belongs to, as chips linking to each queue. */
@Component({
  selector: 'sb-agent-queues',
  imports: [MatChipsModule, MatIconModule, RouterLink],
  template: `
    <section class="queues" aria-labelledby="agent-queues-title" data-testid="agent-queues">
      <h2 id="agent-queues-title">Queues</h2>
      @if (memberships(); as list) {
        @if (list.length) {
          <mat-chip-set aria-label="Queue memberships">
            @for (membership of list; track membership.queueId) {
              <mat-chip [routerLink]="['/queues', membership.queueId]" [attr.data-testid]="'membership-' + membership.name">
                <mat-icon matChipAvatar>{{ icons[membership.channel] }}</mat-icon>
                {{ membership.name }} · {{ labels[membership.channel] }} · priority {{ membership.priority }}
              </mat-chip>
            }
          </mat-chip-set>
        } @else {
          <p data-testid="no-memberships">In no queue yet. Use "Add to queue" to add the agent to every queue of a channel.</p>
        }
      }
    </section>
  `,
  styles: `
    .queues { margin: 8px 0 16px; }
    h2 { font: var(--mat-sys-title-small); margin: 0 0 8px; }
    p { margin: 0; color: var(--mat-sys-on-surface-variant); }
    mat-chip { cursor: pointer; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentQueuesComponent {
  private readonly api = inject(AgentsApi);
  readonly agentId = input.required<string>();
  protected readonly memberships = signal<AgentQueueMembership[] | null>(null);
  protected readonly labels = CHANNEL_LABELS;
  protected readonly icons = CHANNEL_ICONS;

  constructor() {
    effect(() => this.load(this.agentId()));
  }

  reload(): void {
    this.load(this.agentId());
  }

  private readonly loads = new LatestLoad();

  private load(id: string): void {
    this.loads.run(this.api.queues(id), { next: (list) => this.memberships.set(list), error: () => this.memberships.set([]) });
  }
}
