import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waiting interactions by route (queue, rule, or channel of unrouted work), oldest first: an
 * agent with new room takes the oldest work of the routes they serve without scanning work
 * waiting elsewhere.
 */
export class IndexWaitingByRoute1764000300000 implements MigrationInterface {
  name = 'IndexWaitingByRoute1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`create index interactions_waiting_queue_idx on interactions (queue_id, enqueued_at, id) where status = 'waiting' and queue_id is not null`);
    await queryRunner.query(`create index interactions_waiting_rule_idx on interactions (rule_id, enqueued_at, id) where status = 'waiting' and rule_id is not null`);
    await queryRunner.query(
      `create index interactions_waiting_unrouted_idx on interactions (channel, enqueued_at, id) where status = 'waiting' and queue_id is null and rule_id is null`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['interactions_waiting_queue_idx', 'interactions_waiting_rule_idx', 'interactions_waiting_unrouted_idx']) await queryRunner.query(`drop index ${name}`);
  }
}
