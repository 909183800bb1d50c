import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { NotificationsService } from './notifications.service';

@ApiTags('消息通知')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Policy('read', 'Notification')
  @ApiQuery({ name: 'unread', required: false, description: 'true：只看未读' })
  @ApiOperation({ summary: '我的消息（最近 100 条）及未读数' })
  list(@CurrentAbility() ability: AppAbility, @Query('unread') unread?: string) {
    return this.notifications.list(ability, unread === 'true');
  }

  @Post('read-all')
  @HttpCode(200)
  @Policy('update', 'Notification')
  @ApiOperation({ summary: '全部标记为已读' })
  markAllRead(@CurrentPrincipal() principal: SessionPrincipal) {
    return this.notifications.markAllRead(principal);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Policy('update', 'Notification')
  @ApiOperation({ summary: '标记为已读' })
  markRead(@CurrentPrincipal() principal: SessionPrincipal, @IdParam('NOT_FOUND') id: string) {
    return this.notifications.markRead(principal, id);
  }
}
