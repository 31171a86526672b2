export { createTestDatabase, createTestDatabaseLocation, type TestDatabaseLocation } from './test-database';
