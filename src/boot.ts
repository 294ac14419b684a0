import { INestApplicationContext } from '@nestjs/common';
import { CalendarService } from './calendar/calendar.service.js';
import { MigrationRunner } from './infrastructure/database/migration-runner.js';
import { ProcessDefinitionService } from './processes/process-definition.service.js';

/** Brings the database to the current schema, seeds the calendar and installs the shipped processes; every process does this at boot. */
export async function prepareDatabase(app: INestApplicationContext): Promise<void> {
  await app.get(MigrationRunner).run();
  await app.get(CalendarService).seedFromPackage();
  await app.get(ProcessDefinitionService).installShipped();
}
