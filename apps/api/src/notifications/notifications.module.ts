import { Module } from '@nestjs/common';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [NotificationSettingsController, NotificationsController],
  providers: [NotificationsService, NotificationSettingsService],
})
export class NotificationsModule {}
