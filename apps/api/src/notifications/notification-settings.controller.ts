import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { requireIfMatch, setEtag } from '../http/versioning';
import { NotificationSettingsDto, NotificationSettingsView } from './notification-settings.dto';
import { NotificationSettingsService } from './notification-settings.service';

@ApiTags('消息通知')
@ApiBearerAuth()
@Controller('notifications/settings')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @Policy('read', 'Notification')
  @ApiOperation({ summary: '我的通知设置：接收邮件的地址、不接收邮件的通知类型' })
  @ApiResponse({ status: 200, type: NotificationSettingsView })
  async get(
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: SessionPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.settings.get(ability, principal);
    setEtag(reply, view.version);
    return view;
  }

  @Put()
  @Policy('update', 'Notification')
  @ApiHeader({ name: 'If-Match', required: true, description: '所依据的版本（GET 返回的 ETag）' })
  @ApiOperation({ summary: '修改我的通知设置（站内消息总会送达，此处只决定是否另发邮件）' })
  @ApiResponse({ status: 200, type: NotificationSettingsView })
  async update(
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: SessionPrincipal,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: NotificationSettingsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.settings.update(ability, principal, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }
}
