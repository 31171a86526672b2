import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContacts1763900300000 implements MigrationInterface {
  name = 'CreateContacts1763900300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table conversations_contacts (
        id uuid primary key default gen_random_uuid(),
        name text,
        phone text,
        email text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query('create index conversations_contacts_updated_idx on conversations_contacts (updated_at desc, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table conversations_contacts');
  }
}
