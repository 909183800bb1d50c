import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { PublicationsQuery, PublicationView, WithdrawPublicationDto } from './publications.dto';
import { PublicationsService } from './publications.service';

@ApiTags('随决算公开')
@ApiBearerAuth()
@Controller()
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Post('reports/:id/publication')
  @Policy('create', 'Publication')
  @ApiOperation({
    summary: '公开审核通过的报告（随决算公开，财政局领导）；已公开时返回现有公开记录',
    description:
      '公开版按白名单生成 PDF：不含审核意见、复核评分、评价工作组成员姓名、填表人及联系电话、正文中的电话号码、邮箱和联系人；每页印有「公开版 · 随决算公开 · 日期」',
  })
  @ApiResponse({ status: 201, type: PublicationView, description: '新公开' })
  @ApiResponse({ status: 200, type: PublicationView, description: '已公开（同一记录）' })
  async publish(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { created, view } = await this.publications.publish(principal, ability, id);
    void reply.status(created ? 201 : 200);
    return view;
  }

  @Get('publications')
  @Policy('read', 'Publication')
  @ApiOperation({ summary: '公开登记：已公开（及已撤销）的报告、公开时间和公开人（财政局）' })
  @ApiResponse({ status: 200, type: [PublicationView] })
  list(@CurrentAbility() ability: AppAbility, @Query() query: PublicationsQuery) {
    return this.publications.list(ability, query);
  }

  @Post('publications/:id/withdrawal')
  @HttpCode(200)
  @Policy('update', 'Publication')
  @ApiOperation({ summary: '撤销公开（须填写原因）；公开页面立即不再显示和提供下载' })
  @ApiResponse({ status: 200, type: PublicationView })
  withdraw(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('PUBLICATION_NOT_FOUND') id: string,
    @Body() body: WithdrawPublicationDto,
  ) {
    return this.publications.withdraw(principal, ability, id, body.reason);
  }
}
