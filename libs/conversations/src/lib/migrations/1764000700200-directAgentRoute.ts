import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An interaction opened through an invitation goes to the inviting agent alone while
 * `direct_agent_id` holds them (its own route and index); the other routes leave it out.
 */
export class DirectAgentRoute1764000700200 implements MigrationInterface {
  name = 'DirectAgentRoute1764000700200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table interactions add column direct_agent_id uuid');
    await queryRunner.query(
      `create index interactions_waiting_direct_idx on interactions (direct_agent_id, enqueued_at, id) where status = 'waiting' and direct_agent_id is not null`,
    );
    await queryRunner.query('drop index interactions_waiting_unrouted_idx');
    await queryRunner.query(
      `create index interactions_waiting_unrouted_idx on interactions (channel, enqueued_at, id)
         where status = 'waiting' and queue_id is null and rule_id is null and site_id is null and direct_agent_id is null`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop index interactions_waiting_unrouted_idx');
    await queryRunner.query(
      `create index interactions_waiting_unrouted_idx on interactions (channel, enqueued_at, id) where status = 'waiting' and queue_id is null and rule_id is null and site_id is null`,
    );
    await queryRunner.query('drop index interactions_waiting_direct_idx');
    await queryRunner.query('alter table interactions drop column direct_agent_id');
  }
}
