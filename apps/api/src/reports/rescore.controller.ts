import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { requireIfMatch, setEtag } from '../http/versioning';
import { PutRescoreDto, RescoreView } from './rescore.dto';
import { RescoreService } from './rescore.service';

@ApiTags('财政复核评分')
@ApiBearerAuth()
@Controller('reports')
export class RescoreController {
  constructor(private readonly rescore: RescoreService) {}

  @Get(':id/rescore')
  @Policy('read', 'Report')
  @ApiOperation({
    summary:
      '财政复核评分：自评表每行的自评得分、复核得分、最终得分与得分差及合计；部门用户在报告审核通过前看到的与未复核的报告相同',
  })
  @ApiResponse({ status: 200, type: RescoreView })
  async get(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.rescore.get(principal, ability, id);
    setEtag(reply, view.version);
    return view;
  }

  @Put(':id/rescore')
  @Policy('review', 'Report')
  @ApiHeader({ name: 'If-Match', required: true, description: '复核评分的版本（GET 返回的 ETag；尚未复核时为 "0"）' })
  @ApiOperation({
    summary: '保存复核评分（财政局，报告已提交或审核中）：替换全部复核行；分值越界、未知的行返回 400，版本过期返回 412',
  })
  @ApiResponse({ status: 200, type: RescoreView })
  async put(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PutRescoreDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.rescore.put(principal, ability, id, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }
}
