import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStaffUsers1763700000000 implements MigrationInterface {
  name = 'CreateStaffUsers1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table staff_users (
        id uuid primary key default gen_random_uuid(),
        username text not null,
        email text not null,
        full_name text not null,
        role text not null check (role in ('admin', 'supervisor', 'agent')),
        disabled boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query('create unique index staff_users_username_key on staff_users (lower(username))');
    await queryRunner.query('create unique index staff_users_email_key on staff_users (lower(email))');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table staff_users');
  }
}
