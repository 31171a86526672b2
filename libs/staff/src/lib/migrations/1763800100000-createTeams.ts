import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTeams1763800100000 implements MigrationInterface {
  name = 'CreateTeams1763800100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table staff_teams (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        description text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query('create unique index staff_teams_name_key on staff_teams (lower(name))');
    await queryRunner.query(`
      create table staff_team_members (
        team_id uuid not null references staff_teams (id) on delete cascade,
        user_id uuid not null references staff_users (id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (team_id, user_id)
      )`);
    await queryRunner.query('create index staff_team_members_user_idx on staff_team_members (user_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table staff_team_members');
    await queryRunner.query('drop table staff_teams');
  }
}
