import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, DomainException, ErrorCode, invalidField, type BlacklistEntry, type Page } from '@switchboard/contracts';
import { containsPattern, direction, pageOf, TtlCache, type PageQueryDto } from '@switchboard/db';
import { DataSource } from 'typeorm';
import type { BlacklistEntryDto } from '../dto/blacklist.dto';
import { addressCount, parseIp, rangeContains, type IpRange } from './ip-range';

interface Row {
  id: string;
  description: string;
  startIp: string;
  endIp: string;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `select id, description, host(start_ip) as "startIp", host(end_ip) as "endIp", created_at as "createdAt", updated_at as "updatedAt"
  from chat_blacklist`;

const notFound = () => new DomainException(ErrorCode.NotFound, 'Blacklist entry not found');

/**
 * The chat blacklist (seed 003): ranges of IPv4 or IPv6 addresses whose visitors are refused
 * before anything is stored. Each node keeps the ranges for a second; a change made on a node
 * applies there at once.
 */
@Injectable()
export class BlacklistService {
  private readonly ranges = new TtlCache<IpRange[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<BlacklistEntry>> {
    const where = query.q ? `where description ilike $1 or host(start_ip) ilike $1 or host(end_ip) ilike $1` : '';
    const params = query.q ? [containsPattern(query.q)] : [];
    const [{ n }] = await this.dataSource.query(`select count(*)::int as n from chat_blacklist ${where}`, params);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT} ${where} order by description ${direction(query)}, start_ip, id offset ${(query.page - 1) * query.pageSize} limit ${query.pageSize}`,
      params,
    );
    return pageOf(rows.map(toEntry), n as number, query);
  }

  async get(id: string): Promise<BlacklistEntry> {
    const [row] = await this.dataSource.query(`${SELECT} where id = $1`, [id]);
    if (!row) throw notFound();
    return toEntry(row as Row);
  }

  async create(dto: BlacklistEntryDto): Promise<BlacklistEntry> {
    const { start, end } = checkedRange(dto);
    const [{ id }] = await this.dataSource.query('insert into chat_blacklist (description, start_ip, end_ip) values ($1, $2, $3) returning id', [dto.description, start, end]);
    this.ranges.clear();
    const entry = await this.get(id as string);
    await this.audit.record({ action: AuditAction.BlacklistSaved, target: targetOf(entry), details: { after: auditView(entry) } });
    return entry;
  }

  async update(id: string, dto: BlacklistEntryDto): Promise<BlacklistEntry> {
    const before = await this.get(id);
    const { start, end } = checkedRange(dto);
    await this.dataSource.query('update chat_blacklist set description = $2, start_ip = $3, end_ip = $4, updated_at = now() where id = $1', [id, dto.description, start, end]);
    this.ranges.clear();
    const entry = await this.get(id);
    await this.audit.record({ action: AuditAction.BlacklistSaved, target: targetOf(entry), details: { before: auditView(before), after: auditView(entry) } });
    return entry;
  }

  async remove(id: string): Promise<void> {
    const entry = await this.get(id);
    await this.dataSource.query('delete from chat_blacklist where id = $1', [id]);
    this.ranges.clear();
    await this.audit.record({ action: AuditAction.BlacklistDeleted, target: targetOf(entry), details: { before: auditView(entry) } });
  }

  /** Whether a contact's address is blacklisted; an unknown or unparsable address is not. */
  async isBlocked(ip: string | null | undefined): Promise<boolean> {
    const address = ip ? parseIp(ip) : null;
    if (!address) return false;
    const ranges = await this.ranges.get('all', async () => {
      const rows: Row[] = await this.dataSource.query(`${SELECT}`);
      return rows.map((row) => rangeOf(row.startIp, row.endIp));
    });
    return ranges.some((range) => rangeContains(range, address));
  }
}

/** Both ends parsed, of one family, start first; the start alone when there is no end. */
function checkedRange(dto: BlacklistEntryDto): { start: string; end: string } {
  const start = parseIp(dto.startIp);
  if (!start) throw invalidField('startIp', 'startIp must be an IPv4 or IPv6 address');
  const end = dto.endIp ? parseIp(dto.endIp) : start;
  if (!end) throw invalidField('endIp', 'endIp must be an IPv4 or IPv6 address');
  if (end.family !== start.family) throw invalidField('endIp', 'endIp must be of the same family (IPv4 or IPv6) as startIp');
  if (end.value < start.value) throw invalidField('endIp', 'endIp must not come before startIp');
  return { start: start.text, end: end.text };
}

function rangeOf(startIp: string, endIp: string): IpRange {
  const [start, end] = [parseIp(startIp), parseIp(endIp)];
  if (!start || !end) throw new Error(`Unreadable blacklist range ${startIp} – ${endIp}`);
  return { family: start.family, start: start.value, end: end.value };
}

function toEntry(row: Row): BlacklistEntry {
  return {
    id: row.id,
    description: row.description,
    startIp: row.startIp,
    endIp: row.endIp,
    addressCount: addressCount(rangeOf(row.startIp, row.endIp)).toString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const targetOf = (entry: BlacklistEntry) => ({ type: 'blacklist', id: entry.id, name: entry.description });
const auditView = (entry: BlacklistEntry) => ({ description: entry.description, startIp: entry.startIp, endIp: entry.endIp });
