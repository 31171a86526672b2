import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each queue routes: strategy, offer timeout, maximum wait and where it overflows. A deleted
 * overflow queue leaves the action without a target, which the router treats as "none".
 */
export class AddQueueRouting1764000000000 implements MigrationInterface {
  name = 'AddQueueRouting1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table queues
        add column strategy text not null default 'least-recent'
          check (strategy in ('ring-all', 'round-robin', 'least-recent', 'fewest-interactions', 'priority')),
        add column offer_timeout_seconds integer not null default 30 check (offer_timeout_seconds between 1 and 600),
        add column max_wait_seconds integer not null default 0 check (max_wait_seconds between 0 and 86400),
        add column overflow_action text not null default 'none' check (overflow_action in ('none', 'queue', 'offline')),
        add column overflow_queue_id uuid references queues (id) on delete set null,
        add constraint queues_overflow_not_self check (overflow_queue_id is distinct from id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table queues drop constraint queues_overflow_not_self,
        drop column overflow_queue_id, drop column overflow_action, drop column max_wait_seconds,
        drop column offer_timeout_seconds, drop column strategy`);
  }
}
