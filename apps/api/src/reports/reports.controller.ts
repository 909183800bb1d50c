import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import { AppError, isReportPart, REPORT_PARTS, type AppAbility, type ReportPart } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { requireIfMatch, setEtag } from '../http/versioning';
import { ReportPartsService } from './report-parts.service';
import {
  CreateReportDto,
  ListReportsQuery,
  PartView,
  PartWriteView,
  ReportPage,
  ReportView,
  SignOffDto,
} from './reports.dto';
import { ReportsService } from './reports.service';
import { RevisionView } from './revisions.dto';
import { DiffQuery, TransitionDto } from './transitions.dto';
import { TransitionsService } from './transitions.service';
import { ApiKeyReadable } from '../api-keys/api-key-route.decorator';

function partParam(value: string): ReportPart {
  if (!isReportPart(value)) throw new AppError('REPORT_PART_UNKNOWN', { allowed: REPORT_PARTS });
  return value;
}

@ApiTags('自评报告')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly parts: ReportPartsService,
    private readonly transitions: TransitionsService,
  ) {}

  @Get()
  @Policy('read', 'Report')
  @ApiKeyReadable('reports:read')
  @ApiOperation({ summary: '报告列表：部门用户只看到本部门的报告，财政局看到本县全部；按年度、状态、部门、等级筛选' })
  @ApiResponse({ status: 200, type: ReportPage })
  list(@CurrentAbility() ability: AppAbility, @Query() query: ListReportsQuery) {
    return this.reports.list(ability, query);
  }

  @Post()
  @Policy('create', 'Report')
  @ApiOperation({ summary: '新建报告；有上年已通过的报告时据此预填' })
  @ApiResponse({ status: 201, type: ReportView })
  async create(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Body() body: CreateReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.reports.create(principal, ability, body);
    setEtag(reply, view.version);
    return view;
  }

  @Get(':id')
  @Policy('read', 'Report')
  @ApiKeyReadable('reports:read')
  @ApiOperation({ summary: '整份报告：各部分内容及其版本' })
  @ApiResponse({ status: 200, type: ReportView })
  async get(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.reports.get(principal, ability, id);
    setEtag(reply, view.version);
    return view;
  }

  @Get(':id/checks')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '逐条规则的校验结果；error 阻止提交，warning 仅提示' })
  checks(@CurrentAbility() ability: AppAbility, @IdParam('REPORT_NOT_FOUND') id: string) {
    return this.reports.checks(ability, id);
  }

  @Get(':id/parts/:part')
  @Policy('read', 'Report')
  @ApiParam({ name: 'part', enum: REPORT_PARTS })
  @ApiOperation({ summary: '报告的一个部分' })
  @ApiResponse({ status: 200, type: PartView })
  async getPart(
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Param('part') part: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.parts.get(ability, id, partParam(part));
    setEtag(reply, view.version);
    return view;
  }

  @Put(':id/parts/:part')
  @Policy('update', 'Report')
  @ApiParam({ name: 'part', enum: REPORT_PARTS })
  @ApiHeader({ name: 'If-Match', required: true, description: '该部分所依据的版本（GET 返回的 ETag）' })
  @ApiBody({ description: '该部分的完整内容（替换）', schema: { type: 'object' } })
  @ApiOperation({ summary: '保存报告的一个部分（草稿或退回状态）；版本过期时返回 412 及最新内容' })
  @ApiResponse({ status: 200, type: PartWriteView })
  async writePart(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Param('part') part: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const checkedPart = partParam(part);
    const view = await this.parts.write(principal, ability, id, checkedPart, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Policy('read', 'Report')
  @ApiOperation({
    summary: '流程操作：提交、撤回、开始审核、退回（须填原因）、通过、重新打开（须填原因）',
    description: '非法的状态转换返回 409，无权操作返回 403；expectedVersion 过期返回 409 REPORT_VERSION_CONFLICT',
  })
  transition(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Body() body: TransitionDto,
  ) {
    return this.transitions.transition(principal, ability, id, body);
  }

  @Post(':id/sign-off')
  @HttpCode(200)
  @Policy('update', 'Report')
  @ApiOperation({
    summary: '部门负责人签核报告的当前内容（本县要求时，部门填报人员提交前须先签核）',
    description: '此后任何修改都会使签核失效；expectedVersion 过期返回 409 REPORT_VERSION_CONFLICT',
  })
  @ApiResponse({ status: 200, type: ReportView })
  async signOff(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Body() body: SignOffDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.transitions.signOff(principal, ability, id, body.expectedVersion);
    setEtag(reply, view.version);
    return view;
  }

  @Get(':id/history')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '报告的流程记录：谁在何时做了什么、原因、对应的提交版本' })
  history(@CurrentAbility() ability: AppAbility, @IdParam('REPORT_NOT_FOUND') id: string) {
    return this.transitions.history(ability, id);
  }

  @Get(':id/revisions')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '冻结的版本：每次提交的内容，以及每次确认导入前草稿的内容（reason 区分）' })
  @ApiResponse({ status: 200, type: [RevisionView] })
  revisions(@CurrentAbility() ability: AppAbility, @IdParam('REPORT_NOT_FOUND') id: string) {
    return this.transitions.revisions(ability, id);
  }

  @Get(':id/revisions/:number')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '某一提交版本的完整内容' })
  revision(
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Param('number') number: string,
  ) {
    if (!/^[1-9]\d{0,8}$/.test(number)) throw new AppError('REPORT_REVISION_NOT_FOUND', { number });
    return this.transitions.revision(ability, id, Number(number));
  }

  @Get(':id/diff')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '两个提交版本之间逐字段的差异（数字、文字、增删改的行）' })
  diff(@CurrentAbility() ability: AppAbility, @IdParam('REPORT_NOT_FOUND') id: string, @Query() query: DiffQuery) {
    return this.transitions.diff(ability, id, query);
  }
}
