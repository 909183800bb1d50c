import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import { CurrentAbility } from '../access/principal.decorator';
import { DashboardQuery, DashboardView } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('县级概览')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Policy('read', 'Report')
  @ApiOperation({
    summary:
      '县级概览：本县一个年度的各部门报告（状态、得分、等级、执行率）、状态和等级计数、执行率与得分、逐周进度及与上一年度的对比；仅财政局',
  })
  @ApiResponse({ status: 200, type: DashboardView })
  get(@CurrentAbility() ability: AppAbility, @Query() query: DashboardQuery) {
    return this.dashboard.get(ability, query.fiscalYear);
  }
}
