import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam, UuidParam } from '../http/uuid-param';
import { requireIfMatch, setEtag } from '../http/versioning';
import { TemplatePreviewService } from './template-preview.service';
import {
  CopyTemplateDto,
  ListTemplatesQuery,
  PreviewDto,
  PublicationsQuery,
  PublicationView,
  PublishDto,
  PublishResultView,
  SaveDraftDto,
  TemplateDetailView,
  TemplateSummaryView,
  TemplateVersionView,
} from './templates.dto';
import { TemplatesService } from './templates.service';

/** The draft's version is the template's If-Match: 0 while it has no draft. */
const etagOfDetail = (reply: FastifyReply, view: TemplateDetailView) => setEtag(reply, view.draft?.version ?? 0);

@ApiTags('报告模板')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly preview: TemplatePreviewService,
  ) {}

  @Get()
  @Policy('read', 'ReportTemplate')
  @ApiOperation({ summary: '报告模板：系统内置模板和本县的模板，及其最新版本、草稿和发布年度' })
  @ApiResponse({ status: 200, type: [TemplateSummaryView] })
  list(@Query() query: ListTemplatesQuery) {
    return this.templates.list(query.kind);
  }

  @Get('publications')
  @Policy('read', 'ReportTemplate')
  @ApiOperation({ summary: '各年度新建报告所依据的模板版本（未发布的年度使用系统默认模板）' })
  @ApiResponse({ status: 200, type: [PublicationView] })
  publications(@Query() query: PublicationsQuery) {
    return this.templates.publications(query.fiscalYear);
  }

  @Get('versions/:versionId')
  @Policy('read', 'ReportTemplate')
  @ApiOperation({ summary: '一个已发布的模板版本（不可更改）' })
  @ApiResponse({ status: 200, type: TemplateVersionView })
  version(@UuidParam('versionId', 'TEMPLATE_NOT_FOUND') versionId: string) {
    return this.templates.version(versionId);
  }

  @Post('preview')
  @HttpCode(200)
  @Policy('read', 'ReportTemplate')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '按模板定义（可未发布）排版样本报告，返回 PDF 预览' })
  async previewPdf(@Body() body: PreviewDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const pdf = await this.preview.pdf(body.definition);
    void reply.header('content-type', 'application/pdf').header('cache-control', 'no-store');
    return pdf;
  }

  @Get(':id')
  @Policy('read', 'ReportTemplate')
  @ApiOperation({ summary: '模板详情：各版本及其报告数、草稿' })
  @ApiResponse({ status: 200, type: TemplateDetailView })
  async get(@IdParam('TEMPLATE_NOT_FOUND') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.templates.get(id);
    etagOfDetail(reply, view);
    return view;
  }

  @Post()
  @Policy('create', 'ReportTemplate')
  @ApiOperation({ summary: '复制一个模板版本（本县的或系统内置的）为本县的新模板（县级管理员）' })
  @ApiResponse({ status: 201, type: TemplateDetailView })
  async copy(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Body() body: CopyTemplateDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.templates.copy(principal, ability, body);
    etagOfDetail(reply, view);
    return view;
  }

  @Put(':id/draft')
  @Policy('update', 'ReportTemplate')
  @ApiHeader({ name: 'If-Match', required: true, description: '草稿的版本（尚无草稿时为 "0"）' })
  @ApiOperation({ summary: '保存模板草稿；校验分值合计、内容块引用、规则及参数' })
  @ApiResponse({ status: 200, type: TemplateDetailView })
  async saveDraft(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('TEMPLATE_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: SaveDraftDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.templates.saveDraft(principal, ability, id, requireIfMatch(ifMatch), body.definition);
    etagOfDetail(reply, view);
    return view;
  }

  @Delete(':id/draft')
  @Policy('update', 'ReportTemplate')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: '放弃模板草稿' })
  @ApiResponse({ status: 200, type: TemplateDetailView })
  async discardDraft(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('TEMPLATE_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.templates.discardDraft(principal, ability, id, requireIfMatch(ifMatch));
    etagOfDetail(reply, view);
    return view;
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Policy('update', 'ReportTemplate')
  @ApiHeader({ name: 'If-Match', required: true, description: '草稿的版本；发布已有版本时为 "0"' })
  @ApiOperation({
    summary: '发布到年度：草稿成为新版本（或选定已有版本），此后该年度新建的报告依据它；已有报告保持原版本',
  })
  @ApiResponse({ status: 200, type: PublishResultView })
  publish(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('TEMPLATE_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PublishDto,
  ) {
    return this.templates.publish(principal, ability, id, requireIfMatch(ifMatch), body);
  }
}
