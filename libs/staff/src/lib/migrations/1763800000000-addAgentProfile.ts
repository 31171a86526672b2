import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agent profile of the seed (typology, extension, capacity, auto answer, permissions...),
 * avatars, and soft delete: a deleted user's row stays so that history still names them, and
 * their username and e-mail become free again.
 */
export class AddAgentProfile1763800000000 implements MigrationInterface {
  name = 'AddAgentProfile1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const capacity = (channel: string, max = '') =>
      `add column capacity_${channel} integer not null default 0 check (capacity_${channel} >= 0${max ? ` and capacity_${channel} <= ${max}` : ''})`;
    await queryRunner.query('create sequence staff_extension_seq start 1000');
    await queryRunner.query(`
      alter table staff_users
        add column alias text,
        add column typology text not null default 'phonebar' check (typology in ('phonebar', 'external', 'webrtc', 'mobile')),
        add column extension text,
        add column description text,
        add column voicemail boolean not null default false,
        add column login_in_pause boolean not null default false,
        add column toast_position text not null default 'top-right'
          check (toast_position in ('top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right')),
        ${capacity('chat')}, ${capacity('email')}, ${capacity('sms')}, ${capacity('whatsapp')}, ${capacity('voice', '1')}, ${capacity('openchannel')},
        add column tab_limit integer not null default 0 check (tab_limit >= 0),
        add column auto_answer jsonb not null default '{}',
        add column permissions jsonb not null default '{}',
        add column deleted_at timestamptz`);
    await queryRunner.query(`update staff_users set extension = nextval('staff_extension_seq')::text`);
    await queryRunner.query('alter table staff_users alter column extension set not null');
    await queryRunner.query('drop index staff_users_username_key');
    await queryRunner.query('drop index staff_users_email_key');
    await queryRunner.query('create unique index staff_users_username_key on staff_users (lower(username)) where deleted_at is null');
    await queryRunner.query('create unique index staff_users_email_key on staff_users (lower(email)) where deleted_at is null');
    await queryRunner.query('create unique index staff_users_extension_key on staff_users (extension) where deleted_at is null');
    await queryRunner.query(`
      create table staff_avatars (
        user_id uuid primary key references staff_users (id) on delete cascade,
        content_type text not null check (content_type in ('image/png', 'image/jpeg')),
        data bytea not null,
        updated_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table staff_avatars');
    await queryRunner.query('delete from staff_users where deleted_at is not null');
    for (const index of ['username', 'email', 'extension']) await queryRunner.query(`drop index staff_users_${index}_key`);
    await queryRunner.query('create unique index staff_users_username_key on staff_users (lower(username))');
    await queryRunner.query('create unique index staff_users_email_key on staff_users (lower(email))');
    await queryRunner.query(`
      alter table staff_users
        drop column alias, drop column typology, drop column extension, drop column description, drop column voicemail,
        drop column login_in_pause, drop column toast_position, drop column capacity_chat, drop column capacity_email,
        drop column capacity_sms, drop column capacity_whatsapp, drop column capacity_voice, drop column capacity_openchannel,
        drop column tab_limit, drop column auto_answer, drop column permissions, drop column deleted_at`);
    await queryRunner.query('drop sequence staff_extension_seq');
  }
}
