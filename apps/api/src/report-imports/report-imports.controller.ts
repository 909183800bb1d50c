import { Controller, Get, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import { AppError, type AppAbility } from '@evalflow/domain';
import { IMPORT_MEDIA_TYPES, type ImportFormat } from '@evalflow/report-import';
import type { FastifyRequest } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam, UuidParam } from '../http/uuid-param';
import { requireIfMatch } from '../http/versioning';
import { ReportImportView, ReportSourcesView } from './report-imports.dto';
import { ReportImportsService } from './report-imports.service';

/** The upload's format, by its media type (parameters such as charset aside). */
function formatOf(request: FastifyRequest): ImportFormat {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const format = (IMPORT_MEDIA_TYPES as Record<string, ImportFormat>)[type];
  if (!format || !Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  return format;
}

@ApiTags('从文件导入')
@ApiBearerAuth()
@Controller('reports/:id')
export class ReportImportsController {
  constructor(private readonly imports: ReportImportsService) {}

  @Post('imports')
  @HttpCode(202)
  @Policy('update', 'Report')
  @ApiConsumes(...Object.keys(IMPORT_MEDIA_TYPES))
  @ApiBody({
    description: 'Word 文档（.docx）、文本文件（.txt）或 Excel 工作簿（.xlsx），不超过 2 MB',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOperation({
    summary:
      '从文件导入（后台解析）：上传往年的 Word、文本或 Excel 报告，解析为草稿内容待确认；仅草稿或已退回的报告，本部门编制人',
    description:
      '文件大小、.doc 旧格式、加密、压缩炸弹等当即检查并返回 4xx（IMPORT_* 代码）；之后由后台任务解析，GET 查看进度与结果',
  })
  @ApiResponse({ status: 202, type: ReportImportView })
  upload(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Req() request: FastifyRequest,
  ) {
    const format = formatOf(request);
    return this.imports.upload(principal, ability, id, { format, data: request.body as Buffer });
  }

  @Get('imports/:importId')
  @Policy('read', 'Report')
  @ApiOperation({
    summary:
      '导入状态：排队中、解析中（进度）、待确认（将填写的部分、未能归入的内容、拟写入的内容）、已导入、失败、已放弃',
  })
  @ApiResponse({ status: 200, type: ReportImportView })
  get(
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @UuidParam('importId', 'REPORT_IMPORT_NOT_FOUND') importId: string,
  ) {
    return this.imports.get(ability, id, importId);
  }

  @Post('imports/:importId/apply')
  @HttpCode(200)
  @Policy('update', 'Report')
  @ApiHeader({ name: 'If-Match', required: true, description: '确认时看到的报告版本；报告此后被改动则返回 412' })
  @ApiOperation({
    summary: '确认导入：用解析结果替换草稿内容（原内容先保存为一个版本）；重复确认返回已导入的状态，不重复写入',
  })
  @ApiResponse({ status: 200, type: ReportImportView })
  apply(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @UuidParam('importId', 'REPORT_IMPORT_NOT_FOUND') importId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.imports.apply(principal, ability, id, importId, requireIfMatch(ifMatch));
  }

  @Post('imports/:importId/discard')
  @HttpCode(200)
  @Policy('update', 'Report')
  @ApiOperation({ summary: '放弃这次导入（草稿不变）；已导入的不能放弃' })
  @ApiResponse({ status: 200, type: ReportImportView })
  discard(
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @UuidParam('importId', 'REPORT_IMPORT_NOT_FOUND') importId: string,
  ) {
    return this.imports.discard(ability, id, importId);
  }

  @Get('sources')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '报告各字段的来源（最近一次确认的导入：原文段落或单元格、推断得出的字段）' })
  @ApiResponse({ status: 200, type: ReportSourcesView })
  sources(@CurrentAbility() ability: AppAbility, @IdParam('REPORT_NOT_FOUND') id: string) {
    return this.imports.sources(ability, id);
  }
}
