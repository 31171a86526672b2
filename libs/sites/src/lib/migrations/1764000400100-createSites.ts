import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Websites with the chat box (seed 002) and the agents who answer each, by priority. Agents are
 * staff users, referred to by id only (staff owns that table); a deleted user drops out when read.
 */
export class CreateSites1764000400100 implements MigrationInterface {
  name = 'CreateSites1764000400100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table sites (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        url text not null,
        description text,
        allowed_origins text[] not null default '{}',
        site_key text not null unique,
        layout text,
        offline_recipient_ids uuid[] not null default '{}',
        pre_chat_fields jsonb not null,
        business_hours jsonb,
        enabled boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query('create unique index sites_name_key on sites (lower(name))');
    await queryRunner.query(`
      create table site_agents (
        site_id uuid not null references sites (id) on delete cascade,
        agent_id uuid not null,
        priority integer not null check (priority between 1 and 10),
        primary key (site_id, agent_id)
      )`);
    await queryRunner.query('create index site_agents_agent_idx on site_agents (agent_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table site_agents');
    await queryRunner.query('drop table sites');
  }
}
