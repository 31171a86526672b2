import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateQueues1763800200000 implements MigrationInterface {
  name = 'CreateQueues1763800200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table queues (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        channel text not null check (channel in ('chat', 'email', 'sms', 'whatsapp', 'voice', 'openchannel')),
        description text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query('create unique index queues_name_key on queues (lower(name))');
    await queryRunner.query(`
      create table queue_members (
        queue_id uuid not null references queues (id) on delete cascade,
        agent_id uuid not null references staff_users (id) on delete cascade,
        priority integer not null default 1 check (priority between 1 and 10),
        created_at timestamptz not null default now(),
        primary key (queue_id, agent_id)
      )`);
    await queryRunner.query('create index queue_members_agent_idx on queue_members (agent_id)');
    await queryRunner.query(`
      create table queue_supervisors (
        queue_id uuid not null references queues (id) on delete cascade,
        supervisor_id uuid not null references staff_users (id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (queue_id, supervisor_id)
      )`);
    await queryRunner.query('create index queue_supervisors_supervisor_idx on queue_supervisors (supervisor_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table queue_supervisors');
    await queryRunner.query('drop table queue_members');
    await queryRunner.query('drop table queues');
  }
}
