import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { allMigrations } from '../../../migrations/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DATABASE_SERVER, type DatabaseServer, ExternalPostgres } from './database-server.js';
import { EmbeddedPostgres } from './embedded/embedded-postgres.js';
import { MigrationRunner } from './migration-runner.js';

const POOL_SIZE = 10;

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
      inject: [DATABASE_SERVER],
      useFactory: (server: DatabaseServer) => ({
        type: 'postgres' as const,
        url: server.url,
        autoLoadEntities: true,
        synchronize: false,
        migrations: allMigrations,
        extra: { max: POOL_SIZE },
      }),
    }),
  ],
  providers: [MigrationRunner],
  exports: [MigrationRunner],
})
export class DatabaseModule {}
