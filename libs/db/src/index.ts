export * from './lib/database-handle';
export { openDatabase, type DatabaseSettings } from './lib/open-database';
export { redactUrl } from './lib/server-database';
export { runMigrations } from './lib/run-migrations';
export { DbModule, type DbModuleOptions } from './lib/db.module';
export { PageQueryDto, pageOf, fetchPage, containsPattern, direction, trimString } from './lib/page-query.dto';
export { isUniqueViolation, isForeignKeyViolation, isRetryableConflict, returningRows } from './lib/pg-errors';
export { preparedQuery, SqlStatement, type SqlRunner } from './lib/sql-statement';
export { TtlCache } from './lib/ttl-cache';
