import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { HomeView, ReminderView, SendReminderDto } from './home.dto';
import { HomeService } from './home.service';
import { RemindersService } from './reminders.service';

@ApiTags('首页')
@ApiBearerAuth()
@Controller()
export class HomeController {
  constructor(
    private readonly home: HomeService,
    private readonly reminders: RemindersService,
  ) {}

  @Get('home')
  @Authenticated()
  @ApiOperation({
    summary:
      '首页待办：部门用户为本部门待填报和被退回的报告（截止日期、尚缺的必填项和未通过的检查）；财政局为待审报告和逾期部门；县级管理员为开通清单',
  })
  @ApiResponse({ status: 200, type: HomeView })
  get(@CurrentPrincipal() principal: SessionPrincipal, @CurrentAbility() ability: AppAbility) {
    return this.home.get(principal, ability);
  }

  @Post('reminders')
  @Policy('review', 'Report')
  @ApiOperation({
    summary:
      '催报：提醒逾期未提交的预算部门（站内消息，配置了邮件时同时发邮件），记入审计日志；同一部门和年度 24 小时内只能催报一次（429）；仅财政局',
  })
  @ApiResponse({ status: 201, type: ReminderView })
  remind(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Body() body: SendReminderDto,
  ) {
    return this.reminders.send(principal, ability, body);
  }
}
