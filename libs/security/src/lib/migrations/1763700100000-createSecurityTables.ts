import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSecurityTables1763700100000 implements MigrationInterface {
  name = 'CreateSecurityTables1763700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table security_credentials (
        user_id uuid primary key references staff_users (id) on delete cascade,
        password_hash text not null,
        password_changed_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table security_signing_keys (
        purpose text primary key,
        secret text not null,
        created_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table security_signing_keys');
    await queryRunner.query('drop table security_credentials');
  }
}
