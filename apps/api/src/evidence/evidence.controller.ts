import type { Readable } from 'node:stream';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import {
  AppError,
  EVIDENCE_KIND_INFO,
  EVIDENCE_KINDS_TEXT,
  EVIDENCE_UPLOAD_MEDIA_TYPES,
  type AppAbility,
} from '@evalflow/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { attachmentDisposition, inlineDisposition } from '../documents/content-disposition';
import { IdParam, UuidParam } from '../http/uuid-param';
import {
  EvidenceFileQuery,
  EvidenceItemView,
  EvidenceListView,
  EvidenceUploadQuery,
  FrozenEvidenceView,
  MoveEvidenceDto,
} from './evidence.dto';
import { EvidenceService } from './evidence.service';

@ApiTags('佐证材料')
@ApiBearerAuth()
@Controller('reports/:id')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get('evidence')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '报告及各指标的佐证材料、已用容量、本县上限，以及调用者能否增删' })
  @ApiResponse({ status: 200, type: EvidenceListView })
  list(@CurrentAbility() ability: AppAbility, @IdParam('REPORT_NOT_FOUND') id: string) {
    return this.evidence.list(ability, id);
  }

  @Post('evidence')
  @HttpCode(201)
  @Policy('update', 'Report')
  @ApiConsumes(...EVIDENCE_UPLOAD_MEDIA_TYPES)
  @ApiBody({ description: `文件内容（${EVIDENCE_KINDS_TEXT}），按内容判断类型`, schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: '上传佐证材料（附于某一指标或整份报告）；仅草稿或已退回的报告，本部门编制人',
    description:
      '超过本县上限 413（EVIDENCE_TOO_LARGE、EVIDENCE_REPORT_FULL）；类型不允许或与扩展名不符 415；' +
      '压缩炸弹、加密、嵌套过深 400（EVIDENCE_ARCHIVE_REFUSED，解压前判断）；已提交或已审定 409；病毒扫描拒收 422',
  })
  @ApiResponse({ status: 201, type: EvidenceItemView })
  upload(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Query() query: EvidenceUploadQuery,
    @Req() request: FastifyRequest,
  ) {
    const body = request.body as Readable | undefined;
    if (!body || typeof body.pipe !== 'function') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const declared = Number(request.headers['content-length']);
    return this.evidence.upload(principal, ability, id, {
      fileName: query.fileName,
      indicator: query.indicator ?? null,
      declaredBytes: Number.isFinite(declared) ? declared : null,
      body,
    });
  }

  @Get('evidence/:evidenceId/file')
  @Policy('read', 'Report')
  @ApiProduces(...Object.values(EVIDENCE_KIND_INFO).map((k) => k.contentType))
  @ApiOperation({ summary: '下载佐证材料（inline=1 时 PDF 和图片在浏览器中打开）；已提交版本保留的文件也可下载' })
  async file(
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @UuidParam('evidenceId', 'EVIDENCE_NOT_FOUND') evidenceId: string,
    @Query() query: EvidenceFileQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { file, body } = await this.evidence.file(ability, id, evidenceId);
    const fallback = `evidence-${file.id}${EVIDENCE_KIND_INFO[file.kind].extensions[0]}`;
    const inline = query.inline === '1' && EVIDENCE_KIND_INFO[file.kind].previewable;
    void reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.sizeBytes))
      .header(
        'content-disposition',
        inline ? inlineDisposition(file.fileName, fallback) : attachmentDisposition(file.fileName, fallback),
      )
      .header('x-content-type-options', 'nosniff')
      // a file opened by itself runs nothing and reaches nothing (an SVG or HTML disguise would find no script)
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      .header('etag', `"${file.sha256}"`)
      .header('cache-control', 'private, no-store');
    return body;
  }

  @Patch('evidence/:evidenceId')
  @Policy('update', 'Report')
  @ApiOperation({ summary: '把佐证材料改挂到另一指标或整份报告（指标改名后重新对应）' })
  @ApiResponse({ status: 200, type: EvidenceItemView })
  move(
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @UuidParam('evidenceId', 'EVIDENCE_NOT_FOUND') evidenceId: string,
    @Body() body: MoveEvidenceDto,
  ) {
    return this.evidence.move(ability, id, evidenceId, body.indicator);
  }

  @Delete('evidence/:evidenceId')
  @HttpCode(204)
  @Policy('update', 'Report')
  @ApiOperation({ summary: '删除佐证材料；已随某次提交冻结的文件仍保留在该版本中' })
  async remove(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @UuidParam('evidenceId', 'EVIDENCE_NOT_FOUND') evidenceId: string,
  ): Promise<void> {
    await this.evidence.remove(principal, ability, id, evidenceId);
  }

  @Get('revisions/:number/evidence')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '某一版本冻结的佐证材料（提交时的文件和所附指标）' })
  @ApiResponse({ status: 200, type: FrozenEvidenceView })
  frozen(@CurrentAbility() ability: AppAbility, @IdParam('REPORT_NOT_FOUND') id: string, @Param('number') number: string) {
    if (!/^[1-9]\d{0,8}$/.test(number)) throw new AppError('REPORT_REVISION_NOT_FOUND', { number });
    return this.evidence.listFrozen(ability, id, Number(number));
  }
}
