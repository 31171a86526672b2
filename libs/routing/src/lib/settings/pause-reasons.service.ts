import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, type PauseReason } from '@switchboard/contracts';
import { isUniqueViolation } from '@switchboard/db';
import { DataSource } from 'typeorm';
import type { PauseReasonDto, UpdatePauseReasonDto } from '../dto/settings.dto';

const SELECT = 'select id, name, position, archived from pause_reasons';
const notFound = () => new DomainException(ErrorCode.NotFound, 'Pause reason not found');
const taken = () => new DomainException(ErrorCode.Conflict, 'A pause reason with this name exists', [{ field: 'name', messages: ['Already used'] }]);

/** Reasons an agent gives for a pause (lunch, personal, …); archived ones leave the menu. */
@Injectable()
export class PauseReasonsService {
  constructor(private readonly dataSource: DataSource) {}

  list(includeArchived: boolean): Promise<PauseReason[]> {
    return this.dataSource.query(`${SELECT} ${includeArchived ? '' : 'where not archived'} order by position, lower(name)`);
  }

  async get(id: string): Promise<PauseReason | null> {
    const [row] = await this.dataSource.query(`${SELECT} where id = $1`, [id]);
    return (row as PauseReason | undefined) ?? null;
  }

  async create(dto: PauseReasonDto): Promise<PauseReason> {
    try {
      const [row] = await this.dataSource.query(
        `insert into pause_reasons (name, position, archived) values ($1, coalesce($2, (select coalesce(max(position), 0) + 1 from pause_reasons)), $3)
         returning id, name, position, archived`,
        [dto.name, dto.position ?? null, dto.archived ?? false],
      );
      return row as PauseReason;
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  async update(id: string, dto: UpdatePauseReasonDto): Promise<PauseReason> {
    const current = await this.get(id);
    if (!current) throw notFound();
    const next = { ...current, ...Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) } as PauseReason;
    try {
      await this.dataSource.query('update pause_reasons set name = $2, position = $3, archived = $4 where id = $1', [id, next.name, next.position, next.archived]);
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
    return next;
  }

  /** Deletes a reason; agents paused with it stay paused without one, reports keep its name. */
  async remove(id: string): Promise<void> {
    const [, affected] = (await this.dataSource.query('delete from pause_reasons where id = $1', [id])) as [unknown, number];
    if (!affected) throw notFound();
  }
}
