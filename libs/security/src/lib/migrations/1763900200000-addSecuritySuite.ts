import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lockout, settings, sessions with refresh tokens, MFA and password resets. */
export class AddSecuritySuite1763900200000 implements MigrationInterface {
  name = 'AddSecuritySuite1763900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table security_credentials
        add column failed_attempts integer not null default 0,
        add column locked_at timestamptz,
        add column locked_until timestamptz`);
    await queryRunner.query(`
      create table security_settings (
        id integer primary key check (id = 1),
        settings jsonb not null,
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table security_sessions (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references staff_users (id) on delete cascade,
        created_at timestamptz not null default now(),
        last_used_at timestamptz not null default now(),
        expires_at timestamptz not null,
        ip text,
        user_agent text,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query('create index security_sessions_user_idx on security_sessions (user_id) where revoked_at is null');
    await queryRunner.query(`
      create table security_refresh_tokens (
        token_hash text primary key,
        session_id uuid not null references security_sessions (id) on delete cascade,
        created_at timestamptz not null default now(),
        used_at timestamptz
      )`);
    await queryRunner.query('create index security_refresh_tokens_session_idx on security_refresh_tokens (session_id)');
    await queryRunner.query(`
      create table security_mfa (
        user_id uuid primary key references staff_users (id) on delete cascade,
        secret text,
        pending_secret text,
        enabled_at timestamptz,
        last_time_step bigint not null default 0
      )`);
    await queryRunner.query(`
      create table security_recovery_codes (
        user_id uuid not null references staff_users (id) on delete cascade,
        code_hash text not null,
        used_at timestamptz,
        primary key (user_id, code_hash)
      )`);
    await queryRunner.query(`
      create table security_password_resets (
        token_hash text primary key,
        user_id uuid not null references staff_users (id) on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz
      )`);
    await queryRunner.query('create index security_password_resets_user_idx on security_password_resets (user_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['security_password_resets', 'security_recovery_codes', 'security_mfa', 'security_refresh_tokens', 'security_sessions', 'security_settings']) {
      await queryRunner.query(`drop table ${table}`);
    }
    await queryRunner.query('alter table security_credentials drop column failed_attempts, drop column locked_at, drop column locked_until');
  }
}
