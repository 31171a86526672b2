import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMailOutbox1763900100000 implements MigrationInterface {
  name = 'CreateMailOutbox1763900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table mail_outbox (
        id uuid primary key default gen_random_uuid(),
        recipient text not null,
        subject text not null,
        body text not null,
        status text not null check (status in ('outbox', 'queued', 'sent', 'failed')),
        error text,
        created_at timestamptz not null default now(),
        sent_at timestamptz
      )`);
    await queryRunner.query('create index mail_outbox_created_idx on mail_outbox (created_at desc, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table mail_outbox');
  }
}
