import type { MigrationInterface, QueryRunner } from 'typeorm';

/** History searches transcripts by their words: a full-text index of message bodies ('simple': no language stemming, any language). */
export class SearchMessages1764000400400 implements MigrationInterface {
  name = 'SearchMessages1764000400400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`create index interaction_messages_text_idx on interaction_messages using gin (to_tsvector('simple', body))`);
    await queryRunner.query('create index interactions_agent_created_idx on interactions (agent_id, created_at desc) where agent_id is not null');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop index interactions_agent_created_idx');
    await queryRunner.query('drop index interaction_messages_text_idx');
  }
}
