import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A web chat no rule matched goes to its site's agents when the site names some: the site is
 * then the interaction's route. Unrouted work ("all available agents") no longer includes it.
 */
export class AddSiteRoute1764000400200 implements MigrationInterface {
  name = 'AddSiteRoute1764000400200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table interactions add column site_id uuid');
    await queryRunner.query(
      `create index interactions_waiting_site_idx on interactions (site_id, enqueued_at, id) where status = 'waiting' and site_id is not null and queue_id is null and rule_id is null`,
    );
    await queryRunner.query('drop index interactions_waiting_unrouted_idx');
    await queryRunner.query(
      `create index interactions_waiting_unrouted_idx on interactions (channel, enqueued_at, id) where status = 'waiting' and queue_id is null and rule_id is null and site_id is null`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop index interactions_waiting_unrouted_idx');
    await queryRunner.query(
      `create index interactions_waiting_unrouted_idx on interactions (channel, enqueued_at, id) where status = 'waiting' and queue_id is null and rule_id is null`,
    );
    await queryRunner.query('drop index interactions_waiting_site_idx');
    await queryRunner.query('alter table interactions drop column site_id');
  }
}
