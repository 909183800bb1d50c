import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { attachmentDisposition } from '../documents/content-disposition';
import { IdParam, UuidParam } from '../http/uuid-param';
import { requireIfMatch, setEtag } from '../http/versioning';
import {
  AnswerRectificationDto,
  CreateRectificationDto,
  EvidenceUploadDto,
  FindingDto,
  FindingView,
  RectificationDecisionDto,
  RectificationListItemView,
  RectificationsQuery,
  RectificationView,
  ReportSpotCheckView,
  UpdateRectificationDto,
} from './rectifications.dto';
import { EvidenceService } from './evidence.service';
import { RectificationsService } from './rectifications.service';

const IF_MATCH = { name: 'If-Match', required: true, description: '整改事项或问题的版本（version）' };

@ApiTags('整改')
@ApiBearerAuth()
@Controller()
export class RectificationsController {
  constructor(
    private readonly items: RectificationsService,
    private readonly evidence: EvidenceService,
  ) {}

  @Get('reports/:id/spot-check')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '报告的抽评情况：所在批次、发现的问题、整改事项（含答复、佐证材料和处理记录）' })
  @ApiResponse({ status: 200, type: ReportSpotCheckView })
  forReport(@CurrentAbility() ability: AppAbility, @IdParam('REPORT_NOT_FOUND') id: string) {
    return this.items.forReport(ability, id);
  }

  @Post('reports/:id/spot-check/findings')
  @Policy('review', 'Report')
  @ApiOperation({ summary: '记录抽评发现的问题（财政局；报告须已被抽评）' })
  @ApiResponse({ status: 201, type: FindingView })
  addFinding(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Body() body: FindingDto,
  ) {
    return this.items.addFinding(principal, ability, id, body.body);
  }

  @Patch('reports/:id/spot-check/findings/:findingId')
  @Policy('review', 'Report')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '修改发现的问题（财政局）' })
  @ApiResponse({ status: 200, type: FindingView })
  async editFinding(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @UuidParam('findingId', 'SPOT_CHECK_FINDING_NOT_FOUND') findingId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: FindingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.items.editFinding(principal, ability, id, findingId, requireIfMatch(ifMatch), body.body);
    if (view) setEtag(reply, view.version);
    return view;
  }

  @Post('reports/:id/rectifications')
  @Policy('review', 'Report')
  @ApiOperation({
    summary: '提出整改事项：整改内容、责任人（本部门用户或填写姓名）、整改期限（财政局；报告须已被抽评）',
  })
  @ApiResponse({ status: 201, type: RectificationView })
  create(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Body() body: CreateRectificationDto,
  ) {
    return this.items.create(principal, ability, id, body);
  }

  @Get('rectifications')
  @Policy('read', 'Report')
  @ApiOperation({
    summary: '整改事项列表（待办）：财政局看本县的，部门看本部门的；可按年度筛选、只看逾期',
  })
  @ApiResponse({ status: 200, type: [RectificationListItemView] })
  inbox(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Query() query: RectificationsQuery,
  ) {
    return this.items.inbox(principal, ability, query);
  }

  @Patch('rectifications/:id')
  @Policy('review', 'Report')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '修改整改事项的内容、责任人或期限（财政局；已办结的须先重新打开）' })
  @ApiResponse({ status: 200, type: RectificationView })
  async update(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('RECTIFICATION_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateRectificationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.items.update(principal, ability, id, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }

  @Post('rectifications/:id/answer')
  @HttpCode(HttpStatus.OK)
  @Policy('update', 'Report')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '部门答复整改事项：整改情况和佐证材料说明；答复后为「已答复」（报告所属部门）' })
  @ApiResponse({ status: 200, type: RectificationView })
  async answer(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('RECTIFICATION_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: AnswerRectificationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.items.answer(principal, ability, id, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }

  @Post('rectifications/:id/decision')
  @HttpCode(HttpStatus.OK)
  @Policy('review', 'Report')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '财政局办结（close）或重新打开（reopen，须写明原因）整改事项' })
  @ApiResponse({ status: 200, type: RectificationView })
  async decide(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('RECTIFICATION_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: RectificationDecisionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.items.decide(principal, ability, id, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }

  @Post('rectifications/:id/evidence')
  @Policy('update', 'Report')
  @ApiOperation({
    summary: '上传佐证材料（Base64 编码的 PDF、JPEG 或 PNG，不超过 2 MB，按文件内容判断类型；报告所属部门）',
  })
  @ApiResponse({ status: 201, type: RectificationView })
  upload(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('RECTIFICATION_NOT_FOUND') id: string,
    @Body() body: EvidenceUploadDto,
  ) {
    return this.evidence.upload(principal, ability, id, body);
  }

  @Get('rectifications/:id/evidence/:evidenceId')
  @Policy('read', 'Report')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: '下载佐证材料（能查看该报告的人）' })
  async file(
    @CurrentAbility() ability: AppAbility,
    @IdParam('RECTIFICATION_NOT_FOUND') id: string,
    @UuidParam('evidenceId', 'RECTIFICATION_EVIDENCE_NOT_FOUND') evidenceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { data, fileName, contentType, sha256 } = await this.evidence.file(ability, id, evidenceId);
    void reply
      .header('content-type', contentType)
      .header('content-length', String(data.length))
      .header('content-disposition', attachmentDisposition(fileName, `evidence-${evidenceId}`))
      .header('x-content-type-options', 'nosniff')
      .header('etag', `"${sha256}"`)
      .header('cache-control', 'private, no-store');
    return data;
  }
}
