import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a live conversation needs of its messages: the sender's own id (a widget's client id, a
 * console's; acks and resends match on it), the author's name as shown then, an order that does
 * not depend on clocks, and an outbound message's delivery. An interaction keeps the contact's
 * pre-chat answers and the rating given at the end.
 */
export class ChatMessages1764000500000 implements MigrationInterface {
  name = 'ChatMessages1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table interaction_messages
        add column seq bigint generated always as identity,
        add column client_id text,
        add column author_name text,
        add column delivery text check (delivery in ('pending', 'sent', 'failed')),
        add column provider_message_id text,
        add column delivery_error text`);
    await queryRunner.query('create index interaction_messages_seq_idx on interaction_messages (interaction_id, seq)');
    await queryRunner.query(`
      alter table interactions
        add column contact_fields jsonb not null default '{}',
        add column rating smallint check (rating between 1 and 5),
        add column rating_comment text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table interactions drop column rating_comment, drop column rating, drop column contact_fields');
    await queryRunner.query('drop index interaction_messages_seq_idx');
    await queryRunner.query(
      'alter table interaction_messages drop column delivery_error, drop column provider_message_id, drop column delivery, drop column author_name, drop column client_id, drop column seq',
    );
  }
}
