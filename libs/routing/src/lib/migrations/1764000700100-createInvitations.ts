import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat invitations (seed 001): a code that opens a chat with one agent through one channel
 * account (a site). One-chat ones count as used once `uses` is 1; invalidated ones never open
 * one again. The agent is a staff user referred to by id only (staff owns that table).
 */
export class CreateInvitations1764000700100 implements MigrationInterface {
  name = 'CreateInvitations1764000700100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table chat_invitations (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        channel text not null,
        account_id text not null,
        agent_id uuid not null,
        created_by uuid,
        reusable boolean not null,
        uses integer not null default 0,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        invalidated_at timestamptz
      )`);
    await queryRunner.query('create index chat_invitations_agent_idx on chat_invitations (agent_id, created_at desc)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table chat_invitations');
  }
}
