import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditAction, AuditEntry, Page } from '@switchboard/contracts';
import { containsPattern, fetchPage } from '@switchboard/db';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import type { AuditQueryDto } from './audit-query.dto';
import { requestContext } from './request-context';

/** What a module tells the audit log; who and from where default to the current request. */
export interface AuditRecord {
  action: AuditAction;
  target?: { type: string; id: string; name?: string | null };
  details?: Record<string, unknown>;
  /** Overrides the request's signed-in user (e.g. the user a login is about); null = anonymous. */
  actor?: { id: string; name: string } | null;
  /** Overrides the request's IP (for work done in a job on the request's behalf). */
  ip?: string | null;
}

/** Most rows one CSV export holds. */
export const AUDIT_EXPORT_LIMIT = 100_000;

/** The append-only audit trail: written by every module, read by administrators. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** Appends one row; inside the caller's transaction when given, so the row and the change land together. */
  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const context = requestContext();
    const actor = record.actor === undefined ? context?.actor : record.actor;
    await (manager ?? this.entries.manager).query(
      `insert into audit_log (actor_id, actor_name, ip, action, target_type, target_id, target_name, details)
       values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [
        actor?.id ?? null,
        actor?.name ?? null,
        record.ip === undefined ? (context?.ip ?? null) : record.ip,
        record.action,
        record.target?.type ?? null,
        record.target?.id ?? null,
        record.target?.name ?? null,
        record.details ? JSON.stringify(record.details) : null,
      ],
    );
  }

  async list(query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return fetchPage(this.filtered(query), query, toEntry);
  }

  /** Every matching row (up to AUDIT_EXPORT_LIMIT), in the asked order. */
  async all(query: AuditQueryDto): Promise<AuditEntry[]> {
    return (await this.filtered(query).take(AUDIT_EXPORT_LIMIT).getMany()).map(toEntry);
  }

  private filtered(query: AuditQueryDto): SelectQueryBuilder<AuditEntryEntity> {
    const builder = this.entries.createQueryBuilder('a');
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.targetId) builder.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    if (query.from) builder.andWhere('a.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.at < :to', { to: query.to });
    if (query.q) {
      builder.andWhere('(a.actor_name ilike :q or a.target_name ilike :q or a.ip ilike :q or a.action ilike :q)', { q: containsPattern(query.q) });
    }
    const order = query.order === 'asc' ? 'ASC' : 'DESC';
    return builder.orderBy('a.at', order).addOrderBy('a.id', order);
  }
}

function toEntry(row: AuditEntryEntity): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    ip: row.ip,
    action: row.action as AuditAction,
    targetType: row.targetType,
    targetId: row.targetId,
    targetName: row.targetName,
    details: row.details,
  };
}
