import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interactions, their messages and their events. One open interaction per contact thread
 * (a partial unique index), so two messages arriving at once cannot open two; a message's
 * provider or client id is unique per channel account, so a redelivery stores nothing.
 */
export class CreateInteractions1764000100000 implements MigrationInterface {
  name = 'CreateInteractions1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table interactions (
        id uuid primary key default gen_random_uuid(),
        channel text not null,
        account_id text not null,
        thread_key text not null,
        contact_address text not null,
        contact_name text,
        external_thread_id text,
        page_url text,
        status text not null default 'waiting' check (status in ('waiting', 'offered', 'active', 'closed', 'abandoned')),
        queue_id uuid,
        rule_id uuid,
        agent_id uuid,
        declined_by uuid[] not null default '{}',
        declined_at timestamptz,
        enqueued_at timestamptz not null default now(),
        wait_deadline timestamptz,
        created_at timestamptz not null default now(),
        answered_at timestamptz,
        closed_at timestamptz,
        closed_reason text,
        check (status <> 'active' or agent_id is not null)
      )`);
    await queryRunner.query(`create unique index interactions_open_thread_key on interactions (channel, account_id, thread_key) where status in ('waiting', 'offered', 'active')`);
    await queryRunner.query(`create index interactions_waiting_idx on interactions (enqueued_at, id) where status = 'waiting'`);
    await queryRunner.query(`create index interactions_wait_deadline_idx on interactions (wait_deadline) where status = 'waiting' and wait_deadline is not null`);
    await queryRunner.query(`create index interactions_offered_idx on interactions (created_at) where status = 'offered'`);
    await queryRunner.query(`create index interactions_active_agent_idx on interactions (agent_id) where status = 'active'`);
    await queryRunner.query(`create index interactions_created_idx on interactions (created_at desc, id)`);
    await queryRunner.query(`
      create table interaction_messages (
        id uuid primary key default gen_random_uuid(),
        interaction_id uuid not null references interactions (id) on delete cascade,
        direction text not null check (direction in ('in', 'out')),
        author_id uuid,
        body text not null,
        dedupe_key text,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query('create unique index interaction_messages_dedupe_key on interaction_messages (dedupe_key)');
    await queryRunner.query('create index interaction_messages_interaction_idx on interaction_messages (interaction_id, created_at, id)');
    await queryRunner.query(`
      create table interaction_events (
        id bigint generated always as identity primary key,
        interaction_id uuid not null references interactions (id) on delete cascade,
        type text not null,
        agent_id uuid,
        queue_id uuid,
        at timestamptz not null default now(),
        details jsonb not null default '{}'
      )`);
    await queryRunner.query('create index interaction_events_interaction_idx on interaction_events (interaction_id, id)');
    await queryRunner.query('create index interaction_events_at_idx on interaction_events (at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table interaction_events');
    await queryRunner.query('drop table interaction_messages');
    await queryRunner.query('drop table interactions');
  }
}
