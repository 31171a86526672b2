import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DATABASE_HANDLE, type DatabaseHandle } from './database-handle';
import { runMigrations } from './run-migrations';
import { prepareStatementsOn } from './sql-statement';

export interface DbModuleOptions {
  handle: DatabaseHandle;
  /** Every module's migration classes; TypeORM orders them by the timestamp in their names. */
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * The one TypeORM connection of the process. Entities come from each module's
 * `TypeOrmModule.forFeature`; the schema only ever changes through migrations, run here at
 * start in both run modes.
 */
@Global()
@Module({})
export class DbModule {
  static forRoot({ handle, migrations }: DbModuleOptions): DynamicModule {
    const handleProvider = { provide: DATABASE_HANDLE, useValue: handle };
    return {
      module: DbModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres',
            url: handle.url,
            poolSize: handle.poolSize,
            synchronize: false,
            migrationsRun: false,
            installExtensions: false,
            migrations,
            migrationsTableName: 'schema_migrations',
            autoLoadEntities: true,
            retryAttempts: 0,
            // Server PostgreSQL: the router's statements are prepared once per connection
            // (`preparedQuery`); left to choose, PostgreSQL plans them anew for each execution,
            // which was most of the database's CPU in the routing benchmark. Only prepared
            // statements are affected: TypeORM's own queries are planned once as they run.
            ...(handle.kind === 'postgres' ? { extra: { options: '-c plan_cache_mode=force_generic_plan' } } : {}),
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options as DataSourceOptions).initialize();
            await runMigrations(dataSource, { lock: handle.kind !== 'pglite' });
            if (handle.kind === 'postgres') prepareStatementsOn(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [handleProvider],
      exports: [handleProvider],
    };
  }
}
