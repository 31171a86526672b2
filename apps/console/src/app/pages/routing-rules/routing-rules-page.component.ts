import { CdkDrag, CdkDragHandle, CdkDropList, moveItemInArray, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { RoutingRule } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { QueuesApi } from '../../api/queues-api.service';
import { RoutingAdminApi } from '../../api/routing-admin-api.service';
import { confirm } from '../../shared/confirm-dialog.component';
import { toParams } from '../../shared/http-params';
import { requestOf } from './rule-form';
import { RuleTesterComponent } from './rule-tester.component';

/** The server's largest page: the list shows every rule so it can be reordered as a whole. */
const ALL_RULES = 200;

function tierLabel(priority: number): string {
  if (priority === 1) return 'High';
  if (priority === 2) return 'Low';
  return `Priority ${priority}`;
}

/**
 * Routing rules (seed 000 "Chats routing", seed 003 "Web Chat Routing"): the rules in the order
 * they are tried, reordered by drag and drop, switched on and off, deleted; a box tests an address.
 */
@Component({
  selector: 'sb-routing-rules-page',
  imports: [CdkDropList, CdkDrag, CdkDragHandle, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatSlideToggleModule, RuleTesterComponent],
  templateUrl: './routing-rules-page.component.html',
  styles: `
    .tester { margin-bottom: 16px; }
    .explain { color: var(--mat-sys-on-surface-variant); margin: 0 0 8px; }
    .rules { display: flex; flex-direction: column; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; overflow: hidden; }
    .rule { display: grid; grid-template-columns: auto 2rem minmax(0, 3fr) minmax(0, 2fr) auto auto; align-items: center; gap: 12px; padding: 8px 12px;
      background: var(--mat-sys-surface); border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .rule:last-child { border-bottom: none; }
    .rule.off .main, .rule.off .target { opacity: 0.6; }
    .rule.cdk-drag-preview { box-shadow: var(--mat-sys-level3); border-radius: 8px; }
    .rule.cdk-drag-placeholder { opacity: 0.3; }
    .cdk-drag-animating, .rules.cdk-drop-list-dragging .rule:not(.cdk-drag-placeholder) { transition: transform 200ms cubic-bezier(0, 0, 0.2, 1); }
    .handle { cursor: grab; color: var(--mat-sys-on-surface-variant); }
    .rules.cdk-drop-list-disabled .handle { cursor: default; opacity: 0.4; }
    .position { font: var(--mat-sys-title-medium); color: var(--mat-sys-on-surface-variant); text-align: center; }
    .main { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
    .name { font: var(--mat-sys-title-small); color: inherit; }
    .description { color: var(--mat-sys-on-surface-variant); }
    .patterns { display: flex; flex-wrap: wrap; gap: 4px; }
    code { padding: 1px 6px; border-radius: 6px; background: var(--mat-sys-surface-container-high); overflow-wrap: anywhere; }
    .target { display: flex; align-items: center; gap: 6px; min-width: 0; overflow-wrap: anywhere; }
    .actions { display: flex; }
    @media (max-width: 960px) { .rule { grid-template-columns: auto 2rem minmax(0, 1fr) auto; } .target, .actions { grid-column: 3 / -1; } }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoutingRulesPageComponent {
  private readonly api = inject(RoutingAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly rules = signal<RoutingRule[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly saving = signal(false);
  /** A reorder lists every rule, so it needs them all on screen. */
  protected readonly complete = computed(() => this.rules().length >= this.total());
  protected readonly queueNames = signal<ReadonlyMap<string, string>>(new Map());

  constructor() {
    this.load();
    // Every channel's queues, to name a rule's queue whatever its channel.
    inject(QueuesApi)
      .list(toParams({ pageSize: 200, sort: 'name', order: 'asc' }))
      .subscribe({ next: (page) => this.queueNames.set(new Map(page.items.map((queue) => [queue.id, queue.name]))) });
  }

  protected targetOf(rule: RoutingRule): string {
    if (rule.queueId) return `Queue ${this.queueNames().get(rule.queueId) ?? '(not found)'}`;
    if (!rule.agents.length) return 'Every online agent';
    const tiers = [...new Set(rule.agents.map((agent) => agent.priority))].sort((a, b) => a - b);
    return tiers
      .map((priority) => `${tierLabel(priority)}: ${rule.agents.filter((agent) => agent.priority === priority).map((agent) => agent.fullName).join(', ')}`)
      .join(' · ');
  }

  protected drop(event: CdkDragDrop<unknown, unknown, RoutingRule>): void {
    if (event.previousIndex === event.currentIndex) return;
    this.saveOrder(event.previousIndex, event.currentIndex);
  }

  /** The keyboard's way to reorder: one step up (-1) or down (+1). */
  protected move(index: number, step: -1 | 1): void {
    this.saveOrder(index, index + step);
  }

  protected setEnabled(rule: RoutingRule, enabled: boolean): void {
    this.api.updateRule(rule.id, requestOf(rule, { enabled })).subscribe({
      next: (saved) => {
        this.rules.update((rules) => rules.map((entry) => (entry.id === saved.id ? saved : entry)));
        this.snackBar.open(`${saved.name} ${saved.enabled ? 'enabled' : 'disabled'}`, undefined, { duration: 3000 });
      },
      // The toggle already moved: show the server's state again.
      error: () => this.load(),
    });
  }

  protected async remove(rule: RoutingRule): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: 'Delete routing rule',
      message: `Delete the rule ${rule.name}? Chats from its addresses go to the next matching rule.`,
      confirm: 'Delete',
      danger: true,
    });
    if (!ok) return;
    await firstValueFrom(this.api.removeRule(rule.id));
    this.snackBar.open(`Deleted ${rule.name}`, undefined, { duration: 3000 });
    this.load();
  }

  /** Shows the new order at once, then saves it; a refusal brings back the server's order. */
  private saveOrder(from: number, to: number): void {
    const rules = [...this.rules()];
    moveItemInArray(rules, from, to);
    this.rules.set(rules);
    this.saving.set(true);
    this.api.reorderRules(rules.map((rule) => rule.id)).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.rules.set(saved);
        this.total.set(saved.length);
        this.snackBar.open('Order saved', undefined, { duration: 2000 });
      },
      error: () => {
        this.saving.set(false);
        this.load();
      },
    });
  }

  private load(): void {
    this.loading.set(true);
    this.api.rules(toParams({ pageSize: ALL_RULES })).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.rules.set(page.items);
        this.total.set(page.total);
      },
      error: () => this.loading.set(false),
    });
  }
}
