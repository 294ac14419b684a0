import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { allMigrations } from '../../../migrations/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DATABASE_SERVER, type DatabaseServer, ExternalPostgres } from './database-server.js';
import { EmbeddedPostgres } from './embedded/embedded-postgres.js';
import { MigrationRunner } from './migration-runner.js';

const POOL_SIZE = 10;
// PGlite has a single backend session, which pglite-socket shares between its connections message by
// message: outside a transaction, the Parse/Bind/Execute/Sync of concurrent connections interleave, so one
// query binds another's statement (wrong rows, "portal does not exist"; electric-sql/pglite#1046). With a
// single connection, queries reach it one whole query at a time.
const EMBEDDED_POOL_SIZE = 1;

@Global()
@Module({
  providers: [
    {
      provide: DATABASE_SERVER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<DatabaseServer> | DatabaseServer =>
        config.mode === 'embedded' ? EmbeddedPostgres.start(config.dataDir, POOL_SIZE) : new ExternalPostgres(config.databaseUrl!),
    },
  ],
  exports: [DATABASE_SERVER],
})
class DatabaseServerModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_SERVER) private readonly server: DatabaseServer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.server.stop();
  }
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DATABASE_SERVER, APP_CONFIG],
      useFactory: (server: DatabaseServer, config: AppConfig) => ({
        type: 'postgres' as const,
        url: server.url,
        autoLoadEntities: true,
        synchronize: false,
        migrations: allMigrations,
        extra: { max: config.mode === 'embedded' ? EMBEDDED_POOL_SIZE : POOL_SIZE },
      }),
    }),
  ],
  providers: [MigrationRunner],
  exports: [MigrationRunner],
})
export class DatabaseModule {}
