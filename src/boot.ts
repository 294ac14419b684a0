import { INestApplicationContext } from '@nestjs/common';
import { MigrationRunner } from './infrastructure/database/migration-runner.js';
import { ProcessDefinitionService } from './processes/process-definition.service.js';

/** Brings the database to the current schema and installs the shipped processes; every process does this at boot. */
export async function prepareDatabase(app: INestApplicationContext): Promise<void> {
  await app.get(MigrationRunner).run();
  await app.get(ProcessDefinitionService).installShipped();
}
