import { Body, Controller, Get, Headers, Param, Patch, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import { AppError, type AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { requireIfMatch, setEtag } from '../http/versioning';
import { DeadlinesService } from './deadlines.service';
import { DeadlineDto, DeadlineView, SettingsView, UpdateSettingsDto } from './settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('本县设置')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(
    private readonly settings: SettingsService,
    private readonly deadlines: DeadlinesService,
  ) {}

  @Get()
  @Policy('read', 'TenantSettings')
  @ApiOperation({ summary: '本县设置：评价等级划分、提交前是否须经部门负责人签核' })
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
  @ApiOperation({ summary: '修改评价等级划分或签核要求（县级管理员）；只改所给的项' })
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

  @Get('deadlines')
  @Policy('read', 'TenantSettings')
  @ApiOperation({ summary: '各年度的填报截止日期' })
  @ApiResponse({ status: 200, type: [DeadlineView] })
  listDeadlines(@CurrentPrincipal() principal: SessionPrincipal, @CurrentAbility() ability: AppAbility) {
    return this.deadlines.list(principal, ability);
  }

  @Put('deadlines/:fiscalYear')
  @Policy('update', 'TenantSettings')
  @ApiParam({ name: 'fiscalYear', example: 2024 })
  @ApiHeader({ name: 'If-Match', required: true, description: '所依据的版本（尚未设置时为 "0"）' })
  @ApiOperation({ summary: '设置某一年度的填报截止日期（县级管理员）' })
  @ApiResponse({ status: 200, type: DeadlineView })
  async setDeadline(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Param('fiscalYear') fiscalYear: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: DeadlineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!/^(20\d\d|2100)$/.test(fiscalYear)) throw new AppError('REPORT_YEAR_INVALID');
    const view = await this.deadlines.set(principal, ability, Number(fiscalYear), requireIfMatch(ifMatch), body.dueOn, {
      confirmed: body.confirmed === true,
    });
    setEtag(reply, view.version);
    return view;
  }
}
