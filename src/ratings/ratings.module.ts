import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CaseRating } from './case-rating.entity.js';
import { RatingsController } from './ratings.controller.js';
import { RatingsService } from './ratings.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseRating]), AuditModule, CalendarModule, NotificationsModule],
  controllers: [RatingsController],
  providers: [RatingsService],
})
export class RatingsModule {}
