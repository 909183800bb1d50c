import { PassThrough } from 'node:stream';
import { Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import { AppError, XLSX_CONTENT_TYPE, type AppAbility } from '@evalflow/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { attachmentDisposition } from '../documents/content-disposition';
import { IdParam } from '../http/uuid-param';
import { requireIfMatch } from '../http/versioning';
import { readScoreSheetWorkbook, writeScoreSheetWorkbook } from './score-sheet-workbook';
import { ScoreSheetImportQuery, ScoreSheetImportView } from './score-sheets.dto';
import { ScoreSheetsService } from './score-sheets.service';

@ApiTags('绩效自评表（Excel）')
@ApiBearerAuth()
@Controller('reports/:id/score-sheet')
export class ScoreSheetsController {
  constructor(private readonly sheets: ScoreSheetsService) {}

  @Get('xlsx')
  @Policy('read', 'Report')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary:
      '导出一份报告的绩效自评表（Excel，财预〔2020〕10号格式：项目资金、年度总体目标、绩效指标、总分；另有指标性质、计量单位、佐证材料列，可改后导入）',
  })
  async export(
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const sheet = await this.sheets.export(ability, id);
    const body = new PassThrough();
    writeScoreSheetWorkbook(sheet.grid, body).catch((error: unknown) => body.destroy(error as Error));
    void reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition(sheet.fileName, sheet.asciiFileName))
      .header('cache-control', 'private, no-store');
    return body;
  }

  @Post('import')
  @HttpCode(200)
  @Policy('update', 'Report')
  @ApiConsumes(XLSX_CONTENT_TYPE)
  @ApiBody({ description: 'Excel 工作簿（.xlsx），不超过 2 MB', schema: { type: 'string', format: 'binary' } })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'apply 时必填：preview 返回的 reportVersion；报告此后被改动则返回 412',
  })
  @ApiOperation({
    summary:
      '从 Excel 导入绩效自评表到草稿（编制人、部门负责人）：preview 列出错误（行号、列）和将改动的部分；apply 全部写入',
    description:
      '写入项目资金、绩效指标、总分，以及项目支出绩效自评表的年度总体目标。apply 在一个事务中完成：有任何错误返回 400 SCORE_SHEET_INVALID（details.errors），报告不被改动。',
  })
  @ApiResponse({ status: 200, type: ScoreSheetImportView })
  async import(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Query() query: ScoreSheetImportQuery,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ) {
    if (!Buffer.isBuffer(request.body)) throw new AppError('SCORE_SHEET_FILE_INVALID');
    const apply = query.mode === 'apply' ? { version: requireIfMatch(ifMatch) } : null;
    const rows = await readScoreSheetWorkbook(request.body);
    return this.sheets.import(principal, ability, id, rows, apply);
  }
}
