import { Body, Controller, Get, Headers, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { requireIfMatch, setEtag } from '../http/versioning';
import { SettingsView, UpdateSettingsDto } from './settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('本县设置')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Policy('read', 'TenantSettings')
  @ApiOperation({ summary: '本县设置：评价等级划分' })
  @ApiResponse({ status: 200, type: SettingsView })
  async get(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.settings.get(principal, ability);
    setEtag(reply, view.version);
    return view;
  }

  @Patch()
  @Policy('update', 'TenantSettings')
  @ApiHeader({ name: 'If-Match', required: true, description: '所依据的版本（默认值为 "0"）' })
  @ApiOperation({ summary: '修改评价等级划分（县级管理员）' })
  @ApiResponse({ status: 200, type: SettingsView })
  async update(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateSettingsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.settings.update(principal, ability, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }
}
