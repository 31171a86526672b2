import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each agent was last seen moves out of `routing_agents` into a table of its own. Each node
 * writes a beat for all its connected agents every few seconds; on the agents' routing rows
 * that write held every row's lock at once and stalled every routing step behind it.
 */
export class SeparateAgentBeats1764000300100 implements MigrationInterface {
  name = 'SeparateAgentBeats1764000300100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table routing_agent_beats (
        agent_id uuid primary key references routing_agents (agent_id) on delete cascade,
        last_seen_at timestamptz not null
      )`);
    await queryRunner.query('insert into routing_agent_beats (agent_id, last_seen_at) select agent_id, last_seen_at from routing_agents where last_seen_at is not null');
    await queryRunner.query('drop index routing_agents_present_idx');
    await queryRunner.query('alter table routing_agents drop column last_seen_at');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table routing_agents add column last_seen_at timestamptz');
    await queryRunner.query('update routing_agents a set last_seen_at = b.last_seen_at from routing_agent_beats b where b.agent_id = a.agent_id');
    await queryRunner.query(`create index routing_agents_present_idx on routing_agents (last_seen_at) where status <> 'offline'`);
    await queryRunner.query('drop table routing_agent_beats');
  }
}
