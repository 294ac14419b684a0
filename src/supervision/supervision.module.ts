import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { BoardService } from './board.service.js';
import { CaseUrge } from './case-urge.entity.js';
import { SupervisionController } from './supervision.controller.js';
import { UrgesService } from './urges.service.js';

/** 电子监察: the supervisors' board of running cases and urging (督办). Incidents stay with the service runs they are. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseUrge]), AuditModule, CalendarModule, NotificationsModule],
  controllers: [SupervisionController],
  providers: [BoardService, UrgesService],
})
export class SupervisionModule {}
