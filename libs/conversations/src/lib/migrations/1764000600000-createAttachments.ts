import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files sent in conversations, kept in the database that every API node shares. An attachment
 * belongs to one message (stored in the same statement) and goes with it. Its id is random
 * (gen_random_uuid: 122 random bits), so it cannot be guessed. The bytes are mostly compressed
 * already (images, PDF, office files): stored out of line without another compression attempt.
 */
export class CreateAttachments1764000600000 implements MigrationInterface {
  name = 'CreateAttachments1764000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table interaction_attachments (
        id uuid primary key default gen_random_uuid(),
        interaction_id uuid not null references interactions (id) on delete cascade,
        message_id uuid not null references interaction_messages (id) on delete cascade,
        file_name text not null,
        media_type text not null,
        size integer not null check (size >= 0),
        data bytea not null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query('alter table interaction_attachments alter column data set storage external');
    await queryRunner.query('create index interaction_attachments_message_idx on interaction_attachments (message_id)');
    await queryRunner.query('create index interaction_attachments_interaction_idx on interaction_attachments (interaction_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table interaction_attachments');
  }
}
