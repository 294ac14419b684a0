import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LogChannel } from './channels/log-channel.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './channels/notification-channel.js';
import { WebhookChannel } from './channels/webhook-channel.js';
import { NoticeSender } from './notice-sender.js';
import { Notification } from './notification.entity.js';
import { StageChangeNotifier } from './stage-change-notifier.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    StageChangeNotifier,
    NoticeSender,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [APP_CONFIG],
      // The log always; a real gateway when one is configured.
      useFactory: (config: AppConfig): NotificationChannel[] => [new LogChannel(), ...(config.notifyWebhookUrl ? [new WebhookChannel(config.notifyWebhookUrl)] : [])],
    },
  ],
  exports: [NotificationsService, StageChangeNotifier, NoticeSender],
})
export class NotificationsModule {}
