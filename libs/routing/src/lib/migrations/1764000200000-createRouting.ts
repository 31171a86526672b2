import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The router's tables. `routing_agents` holds each agent's presence, room (capacity per channel,
 * tab limit) and load counters, so that a reservation is one conditional UPDATE of one row;
 * `routing_offers` holds every reservation (pending offers and active assignments), from which
 * the reconciler can always recount the counters.
 */
export class CreateRouting1764000200000 implements MigrationInterface {
  name = 'CreateRouting1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table pause_reasons (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        position integer not null default 0,
        archived boolean not null default false,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query('create unique index pause_reasons_name_key on pause_reasons (lower(name))');
    await queryRunner.query(`insert into pause_reasons (name, position) values ('Lunch', 1), ('Personal', 2), ('Break', 3), ('Meeting', 4), ('Training', 5)`);

    await queryRunner.query(`
      create table routing_agents (
        agent_id uuid primary key,
        status text not null default 'offline' check (status in ('offline', 'online', 'paused')),
        pause_reason_id uuid references pause_reasons (id) on delete set null,
        status_since timestamptz not null default now(),
        disabled_channels text[] not null default '{}',
        capacity jsonb not null default '{}',
        tab_limit integer not null default 0 check (tab_limit >= 0),
        auto_answer jsonb not null default '{}',
        login_in_pause boolean not null default false,
        active boolean not null default true,
        loads jsonb not null default '{}',
        total integer not null default 0 check (total >= 0),
        last_assigned_at timestamptz,
        last_seen_at timestamptz
      )`);
    await queryRunner.query(`create index routing_agents_present_idx on routing_agents (last_seen_at) where status <> 'offline'`);

    await queryRunner.query(`
      create table routing_offers (
        id uuid primary key default gen_random_uuid(),
        interaction_id uuid not null,
        agent_id uuid not null references routing_agents (agent_id) on delete cascade,
        channel text not null,
        state text not null check (state in ('pending', 'active')),
        ring boolean not null default false,
        created_at timestamptz not null default now(),
        expires_at timestamptz,
        auto_accept_at timestamptz
      )`);
    await queryRunner.query(`create unique index routing_offers_one_holder on routing_offers (interaction_id) where state = 'active'`);
    await queryRunner.query('create unique index routing_offers_interaction_agent_key on routing_offers (interaction_id, agent_id)');
    await queryRunner.query('create index routing_offers_agent_idx on routing_offers (agent_id)');
    await queryRunner.query(`create index routing_offers_expiry_idx on routing_offers (expires_at) where state = 'pending'`);
    await queryRunner.query(`create index routing_offers_auto_idx on routing_offers (auto_accept_at) where state = 'pending' and auto_accept_at is not null`);

    await queryRunner.query(`
      create table presence_events (
        id bigint generated always as identity primary key,
        agent_id uuid not null,
        status text not null,
        pause_reason_id uuid,
        pause_reason_name text,
        changed_by uuid,
        system boolean not null default false,
        at timestamptz not null default now()
      )`);
    await queryRunner.query('create index presence_events_agent_idx on presence_events (agent_id, at desc)');
    await queryRunner.query('create index presence_events_at_idx on presence_events (at)');

    await queryRunner.query(`
      create table routing_settings (
        id integer primary key check (id = 1),
        agents_may_toggle_channels boolean not null default true,
        offer_timeout_seconds integer not null default 30 check (offer_timeout_seconds between 1 and 600)
      )`);
    await queryRunner.query('insert into routing_settings (id) values (1)');

    await queryRunner.query(`
      create table routing_rules (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        description text,
        patterns text[] not null,
        queue_id uuid references queues (id) on delete set null,
        layout text,
        call_class text,
        offline_recipient_ids uuid[] not null default '{}',
        enabled boolean not null default true,
        position integer not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query('create unique index routing_rules_name_key on routing_rules (lower(name))');
    await queryRunner.query(`
      create table routing_rule_agents (
        rule_id uuid not null references routing_rules (id) on delete cascade,
        agent_id uuid not null,
        priority integer not null default 1,
        primary key (rule_id, agent_id)
      )`);
    await queryRunner.query('create index routing_rule_agents_agent_idx on routing_rule_agents (agent_id)');

    await queryRunner.query('create table routing_cursors (key text primary key, last_agent_id uuid not null)');
    await queryRunner.query('create table offline_recipients (agent_id uuid primary key, position integer not null default 0)');
    await queryRunner.query(`
      create table offline_messages (
        id uuid primary key default gen_random_uuid(),
        channel text not null,
        account_id text not null,
        name text,
        email text,
        body text not null,
        page_url text,
        rule_id uuid,
        recipients text[] not null default '{}',
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query('create index offline_messages_created_idx on offline_messages (created_at desc, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['offline_messages', 'offline_recipients', 'routing_cursors', 'routing_rule_agents', 'routing_rules', 'routing_settings', 'presence_events', 'routing_offers', 'routing_agents', 'pause_reasons']) {
      await queryRunner.query(`drop table ${table}`);
    }
  }
}
