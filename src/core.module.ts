import { Module } from '@nestjs/common';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CommonModule } from './common/common.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './infrastructure/database/database.module.js';
import { QueueModule } from './infrastructure/queue/queue.module.js';
import { StorageModule } from './infrastructure/storage/storage.module.js';
import { ProcessesModule } from './processes/processes.module.js';

/** What the API and the worker both run: configuration, infrastructure, the working-day calendar and the case lifecycle. */
@Module({
  imports: [ConfigModule, CommonModule, DatabaseModule, QueueModule, StorageModule, ProcessesModule, CalendarModule, CasesModule],
  exports: [ProcessesModule, CalendarModule, CasesModule],
})
export class CoreModule {}
