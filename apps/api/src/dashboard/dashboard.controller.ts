import { PassThrough } from 'node:stream';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import { XLSX_CONTENT_TYPE, type AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { attachmentDisposition } from '../documents/content-disposition';
import { DashboardQuery, DashboardView } from './dashboard.dto';
import { DashboardService } from './dashboard.service';
import { writeSummaryWorkbook } from './summary-workbook';
import { ApiKeyReadable } from '../api-keys/api-key-route.decorator';

@ApiTags('县级概览')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Policy('read', 'Report')
  @ApiKeyReadable('summary:read')
  @ApiOperation({
    summary:
      '县级概览：本县一个年度的各部门报告（状态、得分、等级、执行率）、状态和等级计数、执行率与得分、逐周进度及与上一年度的对比；仅财政局',
  })
  @ApiResponse({ status: 200, type: DashboardView })
  get(@CurrentAbility() ability: AppAbility, @Query() query: DashboardQuery) {
    return this.dashboard.get(ability, query.fiscalYear);
  }

  @Get('summary.xlsx')
  @Policy('read', 'Report')
  @ApiKeyReadable('summary:read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary:
      '汇总表（Excel）：本县一个年度的全部部门整体和项目支出绩效自评报告，一行一份：状态、提交和审批日期、自评得分、等级、执行率、预警灯及说明；仅财政局',
  })
  async summary(
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: SessionPrincipal,
    @Query() query: DashboardQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // read whole (one transaction, a county's year is bounded), then streamed: rows are zipped as written
    const sheet = await this.dashboard.summary(ability, query.fiscalYear, principal.tenantName ?? '本县');
    const body = new PassThrough();
    writeSummaryWorkbook(sheet, body).catch((error: unknown) => body.destroy(error as Error));
    void reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition(sheet.fileName, sheet.asciiFileName))
      .header('cache-control', 'private, no-store');
    return body;
  }
}
