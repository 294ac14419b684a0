import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/app-config.js';
import { OrganisationMember } from '../identity/organisation-member.entity.js';
import { Organisation } from '../identity/organisation.entity.js';
import { User } from '../identity/user.entity.js';
import { configuredChannels } from './channels/configured-channels.js';
import { NOTIFICATION_CHANNELS } from './channels/notification-channel.js';
import { NoticeSender } from './notice-sender.js';
import { Notification } from './notification.entity.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { OutboundDeliveries } from './outbound-deliveries.js';
import { RecipientAddresses } from './recipient-addresses.js';
import { StageChangeNotifier } from './stage-change-notifier.js';

@Module({
  // The accounts' entities too: a worker process, which loads no identity module, reads the recipients' addresses.
  imports: [TypeOrmModule.forFeature([Notification, User, Organisation, OrganisationMember])],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    StageChangeNotifier,
    NoticeSender,
    OutboundDeliveries,
    RecipientAddresses,
    { provide: NOTIFICATION_CHANNELS, inject: [APP_CONFIG], useFactory: configuredChannels },
  ],
  exports: [NotificationsService, StageChangeNotifier, NoticeSender, RecipientAddresses],
})
export class NotificationsModule {}
