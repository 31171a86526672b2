import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_LAYOUT } from '../layouts/default-layout';

/** Chat layouts (seed 003), with the built-in default that others are cloned from. */
export class CreateLayouts1764000400300 implements MigrationInterface {
  name = 'CreateLayouts1764000400300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table chat_layouts (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        template text not null,
        built_in boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query('create unique index chat_layouts_name_key on chat_layouts (lower(name))');
    await queryRunner.query(`insert into chat_layouts (name, template, built_in) values ('Default', $1, true)`, [DEFAULT_LAYOUT]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table chat_layouts');
  }
}
