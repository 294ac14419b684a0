import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { NotificationsQuery } from './notifications.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications 消息')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  listMine(@CurrentActor() actor: Actor, @Query() query: NotificationsQuery) {
    return this.notifications.listMine(actor, query.unread === 'true');
  }

  @Get('unread-count')
  unreadCount(@CurrentActor() actor: Actor) {
    return this.notifications.unreadCount(actor);
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  markRead(@CurrentActor() actor: Actor, @Param('notificationId', uuidParam('notificationId')) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
