import { Injectable, Logger } from '@nestjs/common';
import { DataSource, MigrationExecutor } from 'typeorm';

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_141_592_653;

/** Runs pending migrations at boot under an advisory lock, so that several processes starting together do not race. */
@Injectable()
export class MigrationRunner {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async run(): Promise<void> {
    const lockHolder = this.dataSource.createQueryRunner();
    await lockHolder.connect();
    try {
      await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      // On the lock holder's own connection: the embedded pool has only that one.
      const executor = new MigrationExecutor(this.dataSource, lockHolder);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      if (applied.length) this.logger.log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await lockHolder.release();
    }
  }
}
