import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMaskSensitiveData1763900050000 implements MigrationInterface {
  name = 'AddMaskSensitiveData1763900050000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table staff_users add column mask_sensitive_data boolean not null default false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table staff_users drop column mask_sensitive_data');
  }
}
