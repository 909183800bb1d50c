import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import { isServiceAccount, type AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { attachmentDisposition } from './content-disposition';
import { DocumentView, RequestDocumentDto } from './documents.dto';
import { DocumentsService } from './documents.service';
import { ApiKeyReadable } from '../api-keys/api-key-route.decorator';

@ApiTags('正式文档')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('reports/:id/documents')
  @HttpCode(202)
  @Policy('read', 'Report')
  @ApiOperation({
    summary: '生成报告的正式文档（DOCX 或 PDF）；同一内容、格式和模板只生成一次',
    description:
      '草稿和退回的报告按当前内容生成并加「草稿」水印；已提交的按最新提交版本加「送审稿」水印；已通过的加审核通过信息',
  })
  @ApiResponse({ status: 202, type: DocumentView })
  request(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Body() body: RequestDocumentDto,
  ) {
    return this.documents.request(principal, ability, id, body.format);
  }

  @Get('reports/:id/documents')
  @Policy('read', 'Report')
  @ApiKeyReadable('documents:read')
  @ApiOperation({ summary: '报告已生成或正在生成的文档' })
  @ApiResponse({ status: 200, type: [DocumentView] })
  list(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
  ) {
    return this.documents.list(ability, id, isServiceAccount(principal));
  }

  @Get('documents/:id')
  @Policy('read', 'Report')
  @ApiKeyReadable('documents:read')
  @ApiOperation({ summary: '文档状态：排队中、生成中（进度百分比）、已生成、生成失败' })
  @ApiResponse({ status: 200, type: DocumentView })
  get(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('DOCUMENT_NOT_FOUND') id: string,
  ) {
    return this.documents.get(ability, id, isServiceAccount(principal));
  }

  @Get('documents/:id/file')
  @Policy('read', 'Report')
  @ApiKeyReadable('documents:read')
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOperation({ summary: '下载文档（中文文件名）；尚未生成完成返回 409' })
  async file(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('DOCUMENT_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body, view, contentType } = await this.documents.file(ability, id, isServiceAccount(principal));
    if (view.sizeBytes !== null) void reply.header('content-length', String(view.sizeBytes));
    void reply
      .header('content-type', contentType)
      .header(
        'content-disposition',
        attachmentDisposition(view.fileName, `evalflow-report-${view.edition}.${view.format}`),
      )
      .header('etag', `"${view.sha256}"`)
      .header('cache-control', 'private, no-store');
    return body;
  }
}
