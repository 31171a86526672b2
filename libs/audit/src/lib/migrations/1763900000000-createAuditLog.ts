import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1763900000000 implements MigrationInterface {
  name = 'CreateAuditLog1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table audit_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        actor_id uuid,
        actor_name text,
        ip text,
        action text not null,
        target_type text,
        target_id text,
        target_name text,
        details jsonb
      )`);
    await queryRunner.query('create index audit_log_at_idx on audit_log (at desc, id desc)');
    await queryRunner.query('create index audit_log_action_idx on audit_log (action, at desc)');
    await queryRunner.query('create index audit_log_actor_idx on audit_log (actor_id, at desc)');
    await queryRunner.query('create index audit_log_target_idx on audit_log (target_id, at desc)');
    // Append-only: the database itself refuses to change or remove a row.
    await queryRunner.query(`
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only';
      end $$`);
    await queryRunner.query(
      'create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()',
    );
    await queryRunner.query(
      'create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table audit_log');
    await queryRunner.query('drop function audit_log_append_only');
  }
}
