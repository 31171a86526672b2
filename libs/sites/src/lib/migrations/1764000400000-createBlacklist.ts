import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chat blacklist: ranges of addresses of one family, start not after end. `inet` orders
 * within a family, so the check and any lookup stay in PostgreSQL's own terms.
 */
export class CreateBlacklist1764000400000 implements MigrationInterface {
  name = 'CreateBlacklist1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table chat_blacklist (
        id uuid primary key default gen_random_uuid(),
        description text not null check (length(description) between 1 and 200),
        start_ip inet not null check (masklen(start_ip) = case family(start_ip) when 4 then 32 else 128 end),
        end_ip inet not null check (masklen(end_ip) = case family(end_ip) when 4 then 32 else 128 end),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint chat_blacklist_range check (family(start_ip) = family(end_ip) and start_ip <= end_ip)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table chat_blacklist');
  }
}
