import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import {
  AuditAction,
  DEFAULT_PRE_CHAT_FIELDS,
  DomainException,
  ErrorCode,
  invalidField,
  WEEKDAYS,
  type BusinessHours,
  type Page,
  type Site,
  type SiteEmbed,
  type SiteIdentitySecret,
} from '@switchboard/contracts';
import { containsPattern, direction, isUniqueViolation, pageOf, type PageQueryDto } from '@switchboard/db';
import { UsersService } from '@switchboard/staff';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { SiteDto } from '../dto/site.dto';
import { SITES_OPTIONS, type SitesOptions } from '../sites-options';
import { hoursProblem } from './business-hours';
import { embedOf, widgetPageHtml, type WidgetPageContent } from './widget-page';

type SiteRow = Omit<Site, 'agents' | 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

const SELECT = `select s.id, s.name, s.url, s.description, s.allowed_origins as "allowedOrigins", s.site_key as "siteKey", s.layout,
  s.offline_recipient_ids as "offlineRecipientIds", s.pre_chat_fields as "preChatFields", s.business_hours as "businessHours",
  s.enabled, s.created_at as "createdAt", s.updated_at as "updatedAt"
  from sites s`;

/** A site as routing uses it. */
export interface RoutingSite {
  id: string;
  agents: Array<{ agentId: string; priority: number }>;
  offlineRecipientIds: string[];
  /** Null: always staffed. */
  businessHours: BusinessHours | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const siteNotFound = () => new DomainException(ErrorCode.NotFound, 'Site not found');

/** A public, unguessable key for the embed snippet. */
const newSiteKey = () => randomBytes(18).toString('base64url');
/** The secret that signs visitor identities: 256 bits, hex (easy to paste into any language's HMAC call). */
const newIdentitySecret = () => randomBytes(32).toString('hex');

/**
 * Websites with the chat box (seed 002, "Gestion des Sites & Hotlines"): their address and
 * allowed origins, the agents who answer by priority, offline-message recipients, the pre-chat
 * form, business hours, and the embed snippet with its public site key.
 */
@Injectable()
export class SitesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(SITES_OPTIONS) private readonly options: SitesOptions,
  ) {}

  async list(query: PageQueryDto): Promise<Page<Site>> {
    const where = query.q ? 'where s.name ilike $1 or s.url ilike $1 or s.description ilike $1' : '';
    const params = query.q ? [containsPattern(query.q)] : [];
    const [{ n }] = await this.dataSource.query(`select count(*)::int as n from sites s ${where}`, params);
    const rows: SiteRow[] = await this.dataSource.query(
      `${SELECT} ${where} order by lower(s.name) ${direction(query)}, s.id offset ${(query.page - 1) * query.pageSize} limit ${query.pageSize}`,
      params,
    );
    return pageOf(await this.withAgents(rows), n as number, query);
  }

  async get(id: string): Promise<Site> {
    const [row] = await this.dataSource.query(`${SELECT} where s.id = $1`, [id]);
    if (!row) throw siteNotFound();
    return (await this.withAgents([row as SiteRow]))[0] as Site;
  }

  /** The enabled site of an embed's key, or null (unknown, renewed or disabled). */
  async byKey(siteKey: string): Promise<Site | null> {
    const [row] = await this.dataSource.query(`${SELECT} where s.site_key = $1 and s.enabled`, [siteKey]);
    return row ? ((await this.withAgents([row as SiteRow]))[0] as Site) : null;
  }

  /** What routing needs of an enabled site: its agents by priority and its offline recipients; null for anything else. */
  async routingSite(id: string): Promise<RoutingSite | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.dataSource.query(
      `select s.id, s.offline_recipient_ids as "offlineRecipientIds", s.business_hours as "businessHours",
              coalesce((select json_agg(json_build_object('agentId', a.agent_id, 'priority', a.priority)) from site_agents a where a.site_id = s.id), '[]') as agents
         from sites s where s.id = $1 and s.enabled`,
      [id],
    );
    return (row as RoutingSite | undefined) ?? null;
  }

  /** The enabled sites, by name: what an agent picks from (an invitation's site). */
  async enabledNames(): Promise<Array<{ id: string; name: string }>> {
    return this.dataSource.query('select id, name from sites where enabled order by lower(name), id');
  }

  /** Names of these sites (enabled or not), by id. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const valid = [...new Set(ids)].filter((id) => UUID.test(id));
    if (!valid.length) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query('select id, name from sites where id = any($1::uuid[])', [valid]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** An address on this server as browsers reach it (PUBLIC_URL). */
  publicLink(path: string): string {
    return `${this.options.publicUrl.replace(/\/$/, '')}${path}`;
  }

  /** A page carrying an enabled site's chat box (the invitation page), or null when the site is gone or disabled. */
  async widgetPage(id: string, content: WidgetPageContent): Promise<string | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.dataSource.query('select site_key as "siteKey" from sites where id = $1 and enabled', [id]);
    return row ? widgetPageHtml(this.options.publicUrl, (row as { siteKey: string }).siteKey, content) : null;
  }

  /** Ids of the enabled sites naming this agent. */
  async sitesOf(agentId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query('select s.id from sites s join site_agents a on a.site_id = s.id where a.agent_id = $1 and s.enabled', [agentId]);
    return rows.map((r) => r.id);
  }

  async create(dto: SiteDto): Promise<Site> {
    const fields = await this.checked(dto);
    const id = await this.saving(dto.name, async (manager) => {
      const [row] = await manager.query(
        `insert into sites (name, url, description, allowed_origins, site_key, identity_secret, layout, offline_recipient_ids, pre_chat_fields, business_hours, enabled)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
        [dto.name, dto.url, fields.description, fields.allowedOrigins, newSiteKey(), newIdentitySecret(), fields.layout, fields.offlineRecipientIds, JSON.stringify(fields.preChatFields ?? DEFAULT_PRE_CHAT_FIELDS), fields.businessHours, dto.enabled ?? true],
      );
      await this.replaceAgents(manager, (row as { id: string }).id, dto.agents ?? []);
      return (row as { id: string }).id;
    });
    const site = await this.get(id);
    await this.audit.record({ action: AuditAction.SiteSaved, target: targetOf(site), details: { after: auditView(site) } });
    return site;
  }

  async update(id: string, dto: SiteDto): Promise<Site> {
    const before = await this.get(id);
    const fields = await this.checked(dto);
    await this.saving(dto.name, async (manager) => {
      await manager.query(
        `update sites set name = $2, url = $3, description = $4, allowed_origins = $5, layout = $6, offline_recipient_ids = $7,
           pre_chat_fields = $8, business_hours = $9, enabled = $10, updated_at = now() where id = $1`,
        [id, dto.name, dto.url, fields.description, fields.allowedOrigins, fields.layout, fields.offlineRecipientIds, JSON.stringify(fields.preChatFields ?? before.preChatFields), fields.businessHours, dto.enabled ?? true],
      );
      await this.replaceAgents(manager, id, dto.agents ?? []);
      return id;
    });
    const site = await this.get(id);
    await this.audit.record({ action: AuditAction.SiteSaved, target: targetOf(site), details: { before: auditView(before), after: auditView(site) } });
    return site;
  }

  async remove(id: string): Promise<void> {
    const site = await this.get(id);
    await this.dataSource.query('delete from sites where id = $1', [id]);
    await this.audit.record({ action: AuditAction.SiteDeleted, target: targetOf(site) });
  }

  /** A new site key: snippets with the old one stop opening chats. */
  async renewKey(id: string): Promise<Site> {
    await this.get(id);
    await this.dataSource.query('update sites set site_key = $2, updated_at = now() where id = $1', [id, newSiteKey()]);
    const site = await this.get(id);
    await this.audit.record({ action: AuditAction.SiteKeyRenewed, target: targetOf(site) });
    return site;
  }

  /** A new identity secret, answered this once: identities signed with the old one are refused. */
  async renewIdentitySecret(id: string): Promise<SiteIdentitySecret> {
    const site = await this.get(id);
    const identitySecret = newIdentitySecret();
    await this.dataSource.query('update sites set identity_secret = $2, updated_at = now() where id = $1', [id, identitySecret]);
    await this.audit.record({ action: AuditAction.SiteIdentitySecretRenewed, target: targetOf(site) });
    return { identitySecret };
  }

  /** The secret that signs the site's visitor identities (for the chat's handshake only: never in a response). */
  async identitySecretOf(id: string): Promise<string | null> {
    const [row] = await this.dataSource.query('select identity_secret as "identitySecret" from sites where id = $1', [id]);
    return (row as { identitySecret: string } | undefined)?.identitySecret ?? null;
  }

  async embed(id: string): Promise<SiteEmbed> {
    const site = await this.get(id);
    return embedOf(this.options.publicUrl, site.siteKey);
  }

  /** Every field checked beyond the DTO's shape, with the field named; values normalised. */
  private async checked(dto: SiteDto) {
    const allowedOrigins = (dto.allowedOrigins ?? []).map((origin, i) => {
      const normal = originOf(origin.trim());
      if (!normal) throw invalidField(`allowedOrigins.${i}`, `"${origin}" is not an origin such as https://www.example.com`);
      return normal;
    });
    const keys = (dto.preChatFields ?? []).map((f) => f.key);
    if (new Set(keys).size !== keys.length) throw invalidField('preChatFields', 'Each pre-chat field needs its own key');
    const businessHours = dto.businessHours ? normalHours(dto.businessHours) : null;
    if (businessHours) {
      const problem = hoursProblem(businessHours);
      if (problem) throw invalidField(...problem);
    }
    const layout = dto.layout?.trim() || null;
    if (layout && !(await this.dataSource.query('select 1 from chat_layouts where lower(name) = lower($1)', [layout])).length) throw invalidField('layout', `No chat layout named "${layout}"`);
    const agentIds = (dto.agents ?? []).map((a) => a.agentId);
    if (new Set(agentIds).size !== agentIds.length) throw invalidField('agents', 'An agent may be listed once');
    await this.users.requireActive('agents', agentIds);
    const offlineRecipientIds = [...new Set(dto.offlineRecipientIds ?? [])];
    await this.users.requireActive('offlineRecipientIds', offlineRecipientIds);
    return {
      description: dto.description?.trim() || null,
      layout,
      allowedOrigins: [...new Set(allowedOrigins)],
      offlineRecipientIds,
      preChatFields: dto.preChatFields?.map(({ key, label, type, required }) => ({ key, label, type, required })),
      businessHours: businessHours ? JSON.stringify(businessHours) : null,
    };
  }


  private async saving(name: string, work: (manager: EntityManager) => Promise<string>): Promise<string> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException(ErrorCode.Conflict, `A site named "${name}" exists`, [{ field: 'name', messages: ['Already used by another site'] }]);
      throw error;
    }
  }

  private async replaceAgents(manager: EntityManager, siteId: string, agents: Array<{ agentId: string; priority: number }>): Promise<void> {
    await manager.query('delete from site_agents where site_id = $1', [siteId]);
    if (!agents.length) return;
    await manager.query('insert into site_agents (site_id, agent_id, priority) select $1, a, p from unnest($2::uuid[], $3::int[]) as t(a, p)', [
      siteId,
      agents.map((a) => a.agentId),
      agents.map((a) => a.priority),
    ]);
  }

  private async withAgents(rows: SiteRow[]): Promise<Site[]> {
    if (!rows.length) return [];
    const links: Array<{ siteId: string; agentId: string; priority: number }> = await this.dataSource.query(
      'select site_id as "siteId", agent_id as "agentId", priority from site_agents where site_id = any($1::uuid[])',
      [rows.map((r) => r.id)],
    );
    const named = await this.users.withNames(links);
    return rows.map((row) => ({
      ...row,
      agents: named.filter((l) => l.siteId === row.id).map(({ agentId, priority, username, fullName }) => ({ agentId, priority, username, fullName })),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
  }
}

/** `https://host[:port]` of an http(s) origin given alone (no path, query or credentials), or null. */
function originOf(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash || !['', '/'].includes(url.pathname)) return null;
  return url.origin;
}

/** Only the seven days, each a list of { open, close } strings (a missing day is closed). */
function normalHours(hours: BusinessHours): BusinessHours {
  const days = {} as BusinessHours['days'];
  for (const day of WEEKDAYS) {
    const periods: unknown = hours.days?.[day] ?? [];
    const valid = Array.isArray(periods) && periods.every((p) => typeof p?.open === 'string' && typeof p?.close === 'string');
    if (!valid) throw invalidField(`businessHours.days.${day}`, 'A day is a list of periods such as { "open": "09:00", "close": "17:00" }');
    days[day] = periods.map((p: { open: string; close: string }) => ({ open: p.open, close: p.close }));
  }
  const unknown = Object.keys(hours.days ?? {}).find((key) => !(WEEKDAYS as readonly string[]).includes(key));
  if (unknown) throw invalidField('businessHours.days', `Unknown day "${unknown}": use ${WEEKDAYS.join(', ')}`);
  return { timezone: hours.timezone, days };
}


const targetOf = (site: Site) => ({ type: 'site', id: site.id, name: site.name });
const auditView = (site: Site) => ({
  name: site.name,
  url: site.url,
  allowedOrigins: site.allowedOrigins,
  enabled: site.enabled,
  agents: site.agents.map((a) => ({ agentId: a.agentId, priority: a.priority })),
  offlineRecipientIds: site.offlineRecipientIds,
});
