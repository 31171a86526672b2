import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waiting interactions with declines, by when they were declined: the routing clock forgets old
 * declines every second without reading every waiting interaction (a backlog of thousands).
 */
export class IndexDeclinedWaiting1764000300200 implements MigrationInterface {
  name = 'IndexDeclinedWaiting1764000300200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`create index interactions_declined_waiting_idx on interactions (declined_at) where status = 'waiting' and declined_at is not null`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop index interactions_declined_waiting_idx');
  }
}
