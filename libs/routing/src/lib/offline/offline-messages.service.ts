import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, type OfflineMessage, type OfflineRecipients, type Page } from '@switchboard/contracts';
import { containsPattern, pageOf, type PageQueryDto } from '@switchboard/db';
import { MailService } from '@switchboard/mail';
import { SitesService } from '@switchboard/sites';
import type { OfflineMessageInput } from '@switchboard/plugin-sdk';
import { UsersService } from '@switchboard/staff';
import { DataSource } from 'typeorm';
import { RulesService } from '../rules/rules.service';

type OfflineRow = Omit<OfflineMessage, 'createdAt'> & { createdAt: Date };

/**
 * Seed 000 "Off-line messages": what a contact leaves when nobody can answer is stored and mailed
 * to the chosen operators — those of the matching routing rule, else those of the web chat's
 * site, else the default list.
 */
@Injectable()
export class OfflineMessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RulesService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly sites: SitesService,
  ) {}

  async recipients(): Promise<OfflineRecipients> {
    const rows: { agentId: string }[] = await this.dataSource.query('select agent_id as "agentId" from offline_recipients order by position, agent_id');
    return { agentIds: rows.map((r) => r.agentId) };
  }

  async setRecipients(agentIds: string[]): Promise<OfflineRecipients> {
    await this.users.requireActive('agentIds', agentIds);
    const before = await this.recipients();
    await this.dataSource.transaction(async (manager) => {
      await manager.query('delete from offline_recipients');
      await manager.query('insert into offline_recipients (agent_id, position) select a, n from unnest($1::uuid[]) with ordinality as t(a, n)', [agentIds]);
    });
    await this.audit.record({ action: AuditAction.RoutingChanged, target: { type: 'routing', id: 'offline-recipients', name: 'Offline-message recipients' }, details: { before, after: { agentIds } } });
    return { agentIds };
  }

  /** Stores the message and mails it to the recipients; answers its id. */
  async leave(input: OfflineMessageInput): Promise<{ id: string }> {
    const rule = await this.rules.match(input.pageUrl);
    const site = !rule?.offlineRecipientIds.length && input.channelId === 'chat' ? await this.sites.routingSite(input.accountId) : null;
    const ids = rule?.offlineRecipientIds.length ? rule.offlineRecipientIds : site?.offlineRecipientIds.length ? site.offlineRecipientIds : (await this.recipients()).agentIds;
    const people = (await this.users.routingProfiles(ids)).filter((p) => p.active);
    const [row] = await this.dataSource.query(
      `insert into offline_messages (channel, account_id, name, email, body, page_url, rule_id, recipients) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, created_at as "createdAt"`,
      [input.channelId, input.accountId, input.name ?? null, input.email ?? null, input.body, input.pageUrl ?? null, rule?.id ?? null, people.map((p) => p.username)],
    );
    const { id, createdAt } = row as { id: string; createdAt: Date };
    for (const person of people) {
      await this.mail.send(person.email, 'offlineMessage', {
        name: person.fullName,
        from: input.name ?? '(no name given)',
        email: input.email ?? '(none given)',
        page: input.pageUrl ?? '(unknown)',
        at: createdAt.toISOString(),
        body: input.body,
      });
    }
    return { id };
  }

  async list(query: PageQueryDto): Promise<Page<OfflineMessage>> {
    const where = query.q ? 'where name ilike $1 or email ilike $1 or body ilike $1' : '';
    const params = query.q ? [containsPattern(query.q)] : [];
    const [{ n }] = await this.dataSource.query(`select count(*)::int as n from offline_messages ${where}`, params);
    const rows: OfflineRow[] = await this.dataSource.query(
      `select id, channel, account_id as "accountId", name, email, body, page_url as "pageUrl", rule_id as "ruleId", recipients, created_at as "createdAt"
         from offline_messages ${where} order by created_at ${query.order === 'asc' ? 'asc' : 'desc'}, id offset ${(query.page - 1) * query.pageSize} limit ${query.pageSize}`,
      params,
    );
    return pageOf(rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), n as number, query);
  }
}
