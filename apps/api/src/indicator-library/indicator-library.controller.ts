import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
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
import { XLSX_CONTENT_TYPE, type AppAbility } from '@evalflow/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { attachmentDisposition } from '../documents/content-disposition';
import { IdParam } from '../http/uuid-param';
import { requireIfMatch, setEtag } from '../http/versioning';
import {
  CreateLibraryEntryDto,
  ImportQuery,
  ImportResultDto,
  LibraryEntryDto,
  LibraryPageDto,
  ListLibraryQuery,
  UpdateLibraryEntryDto,
} from './indicator-library.dto';
import { IndicatorLibraryService } from './indicator-library.service';

const IF_MATCH = { name: 'If-Match', required: true, description: '所依据的版本（GET 返回的 ETag）' };

@ApiTags('指标库')
@ApiBearerAuth()
@Controller('indicator-library')
export class IndicatorLibraryController {
  constructor(private readonly library: IndicatorLibraryService) {}

  @Get()
  @Policy('read', 'IndicatorLibrary')
  @ApiOperation({ summary: '本县指标库：按一级、二级、三级指标排列，可查找和筛选，分页（游标）' })
  @ApiResponse({ status: 200, type: LibraryPageDto })
  list(@Query() query: ListLibraryQuery) {
    return this.library.list(query);
  }

  @Get('export')
  @Policy('read', 'IndicatorLibrary')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出本县指标库中启用的全部指标（Excel 工作簿，工作表「指标库」；可修改后再导入）' })
  async export(@CurrentPrincipal() principal: SessionPrincipal, @Res({ passthrough: true }) reply: FastifyReply) {
    const { data, fileName } = await this.library.export(principal);
    void reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-length', String(data.length))
      .header('content-disposition', attachmentDisposition(fileName, 'indicator-library.xlsx'))
      .header('cache-control', 'private, no-store');
    return data;
  }

  @Post('import')
  @HttpCode(200)
  @Policy('update', 'IndicatorLibrary')
  @ApiConsumes(XLSX_CONTENT_TYPE)
  @ApiBody({
    description: 'Excel 工作簿（.xlsx），不超过 2 MB、2000 行指标',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOperation({
    summary: '导入指标库（县级管理员、财政局）：preview 预览每行将新增、更新或不变及各行错误；apply 全部导入',
    description:
      '按一级、二级、三级指标匹配已有指标。apply 在一个事务中完成：文件中有任何错误则返回 400 LIBRARY_IMPORT_INVALID（details.errors 列出行号、列名和原因），一条也不导入。',
  })
  @ApiResponse({ status: 200, type: ImportResultDto })
  import(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Query() query: ImportQuery,
    @Req() request: FastifyRequest,
  ) {
    return this.library.import(principal, ability, request.body, query.mode);
  }

  @Post()
  @Policy('create', 'IndicatorLibrary')
  @ApiOperation({ summary: '新增指标（县级管理员、财政局）；一级、二级、三级指标都相同的已有则返回 409 及其 ID' })
  @ApiResponse({ status: 201, type: LibraryEntryDto })
  async create(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Body() body: CreateLibraryEntryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.library.create(principal, ability, body);
    setEtag(reply, view.version);
    return view;
  }

  @Get(':id')
  @Policy('read', 'IndicatorLibrary')
  @ApiOperation({ summary: '指标详情' })
  @ApiResponse({ status: 200, type: LibraryEntryDto })
  async get(
    @CurrentAbility() ability: AppAbility,
    @IdParam('LIBRARY_ENTRY_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.library.get(ability, id);
    setEtag(reply, view.version);
    return view;
  }

  @Patch(':id')
  @Policy('update', 'IndicatorLibrary')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '修改指标（县级管理员、财政局）；只改所给的项。已选用该指标的报告保留各自的副本' })
  @ApiResponse({ status: 200, type: LibraryEntryDto })
  async update(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('LIBRARY_ENTRY_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateLibraryEntryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.library.update(principal, ability, id, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Policy('update', 'IndicatorLibrary')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '停用指标：不再供选用；指标不会删除，引用它的报告不受影响' })
  @ApiResponse({ status: 200, type: LibraryEntryDto })
  async archive(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('LIBRARY_ENTRY_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.library.setActive(principal, ability, id, requireIfMatch(ifMatch), false);
    setEtag(reply, view.version);
    return view;
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Policy('update', 'IndicatorLibrary')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '恢复已停用的指标' })
  @ApiResponse({ status: 200, type: LibraryEntryDto })
  async restore(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('LIBRARY_ENTRY_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.library.setActive(principal, ability, id, requireIfMatch(ifMatch), true);
    setEtag(reply, view.version);
    return view;
  }
}
