import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { RectificationsQuery } from './rectifications.dto';
import {
  CreateSpotCheckDto,
  SelectedReportView,
  SelectionPreviewDto,
  SelectionPreviewView,
  SpotCheckBatchView,
  SpotCheckYearQuery,
} from './spot-checks.dto';
import { SpotChecksService } from './spot-checks.service';

@ApiTags('抽评')
@ApiBearerAuth()
@Controller('spot-checks')
export class SpotChecksController {
  constructor(private readonly spotChecks: SpotChecksService) {}

  @Get()
  @Policy('review', 'Report')
  @ApiOperation({ summary: '抽评批次列表（可按年度筛选），含每批报告数和整改进度；仅财政局' })
  @ApiResponse({ status: 200, type: [SpotCheckBatchView] })
  list(@CurrentAbility() ability: AppAbility, @Query() query: RectificationsQuery) {
    return this.spotChecks.list(ability, query.fiscalYear);
  }

  @Get('candidates')
  @Policy('review', 'Report')
  @ApiOperation({ summary: '可抽评的报告：该年度已提交、审核中或已通过的报告，并标出本年度已被抽评的；仅财政局' })
  @ApiResponse({ status: 200, type: [SelectedReportView] })
  candidates(@CurrentAbility() ability: AppAbility, @Query() query: SpotCheckYearQuery) {
    return this.spotChecks.candidates(ability, query.fiscalYear);
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @Policy('review', 'Report')
  @ApiOperation({ summary: '预览抽取结果（不保存）：按规则会选中哪些报告；已被抽评的报告不再选中' })
  @ApiResponse({ status: 200, type: SelectionPreviewView })
  preview(@CurrentAbility() ability: AppAbility, @Body() body: SelectionPreviewDto) {
    return this.spotChecks.preview(ability, body);
  }

  @Post()
  @Policy('review', 'Report')
  @ApiOperation({
    summary:
      '创建抽评批次：手工选择或按规则（随机比例并记录种子、低于分数线、有虚高预警）抽取；没有选中任何报告时返回 422 且不保存；手工选择已被抽评的报告返回 409',
  })
  @ApiResponse({ status: 201, type: SpotCheckBatchView })
  create(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Body() body: CreateSpotCheckDto,
  ) {
    return this.spotChecks.create(principal, ability, body);
  }

  @Get(':id')
  @Policy('review', 'Report')
  @ApiOperation({ summary: '抽评批次：规则、种子、创建人，所选报告及各报告的整改进度；仅财政局' })
  @ApiResponse({ status: 200, type: SpotCheckBatchView })
  get(@CurrentAbility() ability: AppAbility, @IdParam('SPOT_CHECK_BATCH_NOT_FOUND') id: string) {
    return this.spotChecks.get(ability, id);
  }
}
