import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, DomainException, ErrorCode, invalidField, type Page, type RoutingRule, type RuleAgent, type RuleMatch } from '@switchboard/contracts';
import { containsPattern, isUniqueViolation, pageOf, type PageQueryDto, TtlCache } from '@switchboard/db';
import { QueuesService } from '@switchboard/queues';
import { UsersService } from '@switchboard/staff';
import { DataSource, type EntityManager } from 'typeorm';
import type { RoutingRuleDto } from '../dto/rule.dto';
import { patternProblem, urlForms, urlMatcher, type UrlForms } from './url-pattern';

/** An enabled rule, ready to match (cached). */
export interface ActiveRule {
  id: string;
  name: string;
  matchers: Array<(forms: UrlForms) => boolean>;
  queueId: string | null;
  agents: RuleAgent[];
  offlineRecipientIds: string[];
}

interface RuleRow {
  id: string;
  name: string;
  description: string | null;
  patterns: string[];
  queueId: string | null;
  layout: string | null;
  callClass: string | null;
  offlineRecipientIds: string[];
  enabled: boolean;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `select r.id, r.name, r.description, r.patterns, r.queue_id as "queueId", r.layout, r.call_class as "callClass",
  r.offline_recipient_ids as "offlineRecipientIds", r.enabled, r.position, r.created_at as "createdAt", r.updated_at as "updatedAt"
  from routing_rules r`;

const ruleNotFound = () => new DomainException(ErrorCode.NotFound, 'Routing rule not found');

/**
 * Routing rules (routing points): ordered URL patterns that send a web chat to a queue or to
 * chosen agents with priorities; the first enabled rule that matches wins.
 */
@Injectable()
export class RulesService {
  private readonly cache = new TtlCache<ActiveRule[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueuesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<RoutingRule>> {
    const where = query.q ? `where r.name ilike $1 or r.description ilike $1 or array_to_string(r.patterns, ' ') ilike $1` : '';
    const params = query.q ? [containsPattern(query.q)] : [];
    const [{ n }] = await this.dataSource.query(`select count(*)::int as n from routing_rules r ${where}`, params);
    const rows: RuleRow[] = await this.dataSource.query(
      `${SELECT} ${where} order by r.position, r.created_at offset ${(query.page - 1) * query.pageSize} limit ${query.pageSize}`,
      params,
    );
    return pageOf(await this.withAgents(rows), n as number, query);
  }

  async get(id: string): Promise<RoutingRule> {
    const [row] = await this.dataSource.query(`${SELECT} where r.id = $1`, [id]);
    if (!row) throw ruleNotFound();
    return (await this.withAgents([row as RuleRow]))[0] as RoutingRule;
  }

  async create(dto: RoutingRuleDto): Promise<RoutingRule> {
    await this.check(dto);
    const id = await this.saving(dto.name, (manager) =>
      manager
        .query(
          `insert into routing_rules (name, description, patterns, queue_id, layout, call_class, offline_recipient_ids, enabled, position)
           values ($1, $2, $3, $4, $5, $6, $7, $8, coalesce((select max(position) + 1 from routing_rules), 1)) returning id`,
          [dto.name, dto.description ?? null, dto.patterns.map((p) => p.trim()), dto.queueId ?? null, dto.layout ?? null, dto.callClass ?? null, dto.offlineRecipientIds ?? [], dto.enabled ?? true],
        )
        .then(async ([row]: { id: string }[]) => {
          await this.replaceAgents(manager, (row as { id: string }).id, dto.agents ?? []);
          return (row as { id: string }).id;
        }),
    );
    const rule = await this.get(id);
    await this.audit.record({ action: AuditAction.RoutingRuleSaved, target: { type: 'routing-rule', id, name: rule.name }, details: { after: auditView(rule) } });
    return rule;
  }

  async update(id: string, dto: RoutingRuleDto): Promise<RoutingRule> {
    const before = await this.get(id);
    await this.check(dto);
    await this.saving(dto.name, async (manager) => {
      await manager.query(
        `update routing_rules set name = $2, description = $3, patterns = $4, queue_id = $5, layout = $6, call_class = $7,
           offline_recipient_ids = $8, enabled = $9, updated_at = now() where id = $1`,
        [id, dto.name, dto.description ?? null, dto.patterns.map((p) => p.trim()), dto.queueId ?? null, dto.layout ?? null, dto.callClass ?? null, dto.offlineRecipientIds ?? [], dto.enabled ?? true],
      );
      await this.replaceAgents(manager, id, dto.agents ?? []);
      return id;
    });
    const rule = await this.get(id);
    await this.audit.record({ action: AuditAction.RoutingRuleSaved, target: { type: 'routing-rule', id, name: rule.name }, details: { before: auditView(before), after: auditView(rule) } });
    return rule;
  }

  async remove(id: string): Promise<void> {
    const rule = await this.get(id);
    await this.dataSource.query('delete from routing_rules where id = $1', [id]);
    this.cache.clear();
    await this.audit.record({ action: AuditAction.RoutingRuleDeleted, target: { type: 'routing-rule', id, name: rule.name } });
  }

  /** Puts the rules in the given order (every rule id, once). */
  async reorder(ids: string[]): Promise<RoutingRule[]> {
    await this.dataSource.transaction(async (manager) => {
      const existing: { id: string }[] = await manager.query('select id from routing_rules for update');
      const known = new Set(existing.map((r) => r.id));
      if (ids.length !== known.size || ids.some((id) => !known.has(id))) throw invalidField('ids', 'List every routing rule exactly once');
      await manager.query('update routing_rules r set position = o.n from unnest($1::uuid[]) with ordinality as o(id, n) where r.id = o.id', [ids]);
    });
    this.cache.clear();
    await this.audit.record({ action: AuditAction.RoutingChanged, target: { type: 'routing', id: 'rule-order', name: 'Routing rule order' }, details: { order: ids } });
    return (await this.list({ page: 1, pageSize: 200, order: 'asc' } as PageQueryDto)).items;
  }

  /** The first enabled rule whose pattern matches the page, or null. */
  async match(url: string | undefined | null): Promise<ActiveRule | null> {
    if (!url) return null;
    const forms = urlForms(url);
    if (!forms) return null;
    for (const rule of await this.enabledRules()) {
      if (rule.matchers.some((matches) => matches(forms))) return rule;
    }
    return null;
  }

  async explain(url: string): Promise<RuleMatch> {
    if (!urlForms(url)) throw invalidField('url', 'Give a full address, such as https://www.example.com/page');
    const rule = await this.match(url);
    return { url, rule: rule ? { id: rule.id, name: rule.name, queueId: rule.queueId } : null };
  }

  /** The enabled rules in order, ready to match (cached briefly). */
  enabledRules(): Promise<ActiveRule[]> {
    return this.cache.get('enabled', () => this.readEnabledRules());
  }

  private async readEnabledRules(): Promise<ActiveRule[]> {
    const rows: RuleRow[] = await this.dataSource.query(`${SELECT} where r.enabled order by r.position, r.created_at`);
    const agents: Array<{ ruleId: string; agentId: string; priority: number }> = await this.dataSource.query(
      'select rule_id as "ruleId", agent_id as "agentId", priority from routing_rule_agents',
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      matchers: row.patterns.map(urlMatcher),
      queueId: row.queueId,
      agents: agents.filter((a) => a.ruleId === row.id).map(({ agentId, priority }) => ({ agentId, priority })),
      offlineRecipientIds: row.offlineRecipientIds,
    }));
  }

  /** Ids of enabled rules that send to this agent (the agent's share of rule-routed chats). */
  async rulesOf(agentId: string): Promise<string[]> {
    return (await this.enabledRules()).filter((r) => !r.queueId && r.agents.some((a) => a.agentId === agentId)).map((r) => r.id);
  }

  private async check(dto: RoutingRuleDto): Promise<void> {
    dto.patterns.forEach((pattern, i) => {
      const problem = patternProblem(pattern);
      if (problem) throw invalidField(`patterns.${i}`, problem);
    });
    if (dto.queueId && dto.agents?.length) throw invalidField('agents', 'A rule sends to a queue or to chosen agents, not both');
    if (dto.queueId && !(await this.queues.routingQueue(dto.queueId))) throw invalidField('queueId', 'No such queue');
    const agentIds = (dto.agents ?? []).map((a) => a.agentId);
    if (new Set(agentIds).size !== agentIds.length) throw invalidField('agents', 'An agent may be listed once');
    await this.users.requireActive('agents', agentIds);
    await this.users.requireActive('offlineRecipientIds', dto.offlineRecipientIds ?? []);
  }


  private async saving(name: string, work: (manager: EntityManager) => Promise<string>): Promise<string> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException(ErrorCode.Conflict, `A routing rule named "${name}" exists`, [{ field: 'name', messages: ['Already used by another rule'] }]);
      throw error;
    } finally {
      this.cache.clear();
    }
  }

  private async replaceAgents(manager: EntityManager, ruleId: string, agents: RuleAgent[]): Promise<void> {
    await manager.query('delete from routing_rule_agents where rule_id = $1', [ruleId]);
    if (!agents.length) return;
    await manager.query('insert into routing_rule_agents (rule_id, agent_id, priority) select $1, a, p from unnest($2::uuid[], $3::int[]) as t(a, p)', [
      ruleId,
      agents.map((a) => a.agentId),
      agents.map((a) => a.priority),
    ]);
  }

  private async withAgents(rows: RuleRow[]): Promise<RoutingRule[]> {
    if (!rows.length) return [];
    const links: Array<{ ruleId: string; agentId: string; priority: number }> = await this.dataSource.query(
      'select rule_id as "ruleId", agent_id as "agentId", priority from routing_rule_agents where rule_id = any($1::uuid[])',
      [rows.map((r) => r.id)],
    );
    const named = await this.users.withNames(links);
    return rows.map((row) => ({
      ...row,
      agents: named.filter((l) => l.ruleId === row.id).map(({ agentId, priority, username, fullName }) => ({ agentId, priority, username, fullName })),
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    }));
  }
}

/** What the audit log keeps of a rule. */
function auditView(rule: RoutingRule) {
  return { name: rule.name, patterns: rule.patterns, queueId: rule.queueId, agents: rule.agents.map((a) => `${a.username}:${a.priority}`), enabled: rule.enabled };
}
