import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import { XLSX_CONTENT_TYPE, type AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { attachmentDisposition } from '../documents/content-disposition';
import { IdParam } from '../http/uuid-param';
import { ExportView, RequestExportDto } from './exports.dto';
import { ExportsService } from './exports.service';

const county = (principal: SessionPrincipal) => principal.tenantName ?? '本县';

@ApiTags('导出')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post()
  @HttpCode(202)
  @Policy('read', 'Report')
  @ApiOperation({
    summary:
      '导出（后台任务）：本县一个年度全部报告的绩效指标明细（Excel），或全部已审核通过报告的 PDF 合集（.zip）；同一类型和年度正在导出时返回该任务；仅财政局',
    description: '已完成且此后本年度报告未再变动的导出直接返回，不重复生成；否则新建导出任务',
  })
  @ApiResponse({ status: 202, type: ExportView })
  request(
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: SessionPrincipal,
    @Body() body: RequestExportDto,
  ) {
    return this.exports.request(ability, { userId: principal.userId, countyName: county(principal) }, body);
  }

  @Get()
  @Policy('read', 'Report')
  @ApiOperation({ summary: '本县最近的导出任务（最新在前，最多 20 个）；仅财政局' })
  @ApiResponse({ status: 200, type: [ExportView] })
  list(@CurrentAbility() ability: AppAbility, @CurrentPrincipal() principal: SessionPrincipal) {
    return this.exports.list(ability, county(principal));
  }

  @Get(':id')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '导出任务状态：排队中、导出中（进度百分比）、已完成（行数）、导出失败；仅财政局' })
  @ApiResponse({ status: 200, type: ExportView })
  get(
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: SessionPrincipal,
    @IdParam('EXPORT_NOT_FOUND') id: string,
  ) {
    return this.exports.get(ability, id, county(principal));
  }

  @Get(':id/file')
  @Policy('read', 'Report')
  @ApiProduces(XLSX_CONTENT_TYPE, 'application/zip')
  @ApiOperation({ summary: '下载导出的文件（Excel 或 PDF 合集 .zip，中文文件名）；尚未完成返回 409；仅财政局' })
  async file(
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: SessionPrincipal,
    @IdParam('EXPORT_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body, sizeBytes, names, sha256, contentType } = await this.exports.file(ability, id, county(principal));
    if (sizeBytes !== null) void reply.header('content-length', String(sizeBytes));
    void reply
      .header('content-type', contentType)
      .header('content-disposition', attachmentDisposition(names.fileName, names.asciiFileName))
      .header('x-content-type-options', 'nosniff')
      .header('etag', `"${sha256}"`)
      .header('cache-control', 'private, no-store');
    return body;
  }
}
