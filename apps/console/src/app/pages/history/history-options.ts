import { computed, inject, Injectable, signal } from '@angular/core';
import { toParams } from '../../shared/http-params';
import { AgentsApi } from '../../api/agents-api.service';
import { QueuesApi } from '../../api/queues-api.service';
import { SitesApi } from '../../api/sites-api.service';
import { AuthService } from '../../core/auth.service';
import { historyAccess } from './history-access';

export interface Option {
  id: string;
  name: string;
}

/** The most a list endpoint gives in one page: the filters offer the first this many of each. */
const OPTIONS_MAX = 200;

/**
 * The sites, agents and queues the history filters offer and its rows name, loaded once per
 * page, each only when the user may list it (asking otherwise would be a refused request).
 */
@Injectable()
export class HistoryOptions {
  private readonly auth = inject(AuthService);
  readonly access = computed(() => historyAccess(this.auth.user()));
  readonly sites = signal<Option[]>([]);
  readonly agents = signal<Option[]>([]);
  readonly queues = signal<Option[]>([]);
  private readonly siteNames = computed(() => new Map(this.sites().map((o) => [o.id, o.name])));
  private readonly agentNames = computed(() => new Map(this.agents().map((o) => [o.id, o.name])));
  private readonly queueNames = computed(() => new Map(this.queues().map((o) => [o.id, o.name])));

  constructor() {
    const access = this.access();
    if (access.sites) {
      inject(SitesApi)
        .list(toParams({ pageSize: OPTIONS_MAX }))
        .subscribe((page) => this.sites.set(page.items.map((site) => ({ id: site.id, name: site.name }))));
    }
    if (access.agents) {
      inject(AgentsApi)
        .list(toParams({ pageSize: OPTIONS_MAX, sort: 'fullName' }))
        .subscribe((page) => this.agents.set(page.items.map((agent) => ({ id: agent.id, name: `${agent.fullName} (${agent.username})` }))));
    }
    if (access.queues) {
      inject(QueuesApi)
        .list(toParams({ pageSize: OPTIONS_MAX }))
        .subscribe((page) => this.queues.set(page.items.map((queue) => ({ id: queue.id, name: queue.name }))));
    }
  }

  siteName(id: string | null): string {
    return (id && this.siteNames().get(id)) || '';
  }

  /** The agent's name; the user's own when it is them (an agent cannot list the others). */
  agentName(id: string | null): string {
    if (!id) return '';
    const user = this.auth.user();
    if (user?.id === id) return user.fullName;
    return this.agentNames().get(id) ?? '';
  }

  queueName(id: string | null): string {
    return (id && this.queueNames().get(id)) || '';
  }
}
