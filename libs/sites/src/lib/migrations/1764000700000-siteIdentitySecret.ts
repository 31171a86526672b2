import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each site gets the secret that signs visitor identities (HMAC). Existing sites get a random one
 * (two random UUIDs' hex digits: 244 random bits); new ones get 256 bits from the API.
 */
export class SiteIdentitySecret1764000700000 implements MigrationInterface {
  name = 'SiteIdentitySecret1764000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table sites add column identity_secret text');
    await queryRunner.query(`update sites set identity_secret = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')`);
    await queryRunner.query('alter table sites alter column identity_secret set not null');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table sites drop column identity_secret');
  }
}
