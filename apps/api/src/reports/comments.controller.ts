import { Body, Controller, Get, Headers, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam, UuidParam } from '../http/uuid-param';
import { requireIfMatch, setEtag } from '../http/versioning';
import { CommentsQuery, CommentThreadView, CreateCommentDto, ReplyDto, ThreadStatusDto } from './comments.dto';
import { CommentsService } from './comments.service';

@ApiTags('审核意见')
@ApiBearerAuth()
@Controller('reports')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get(':id/comments')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '报告的审核意见（按提出时间），可按状态筛选' })
  @ApiResponse({ status: 200, type: [CommentThreadView] })
  list(@CurrentAbility() ability: AppAbility, @IdParam('REPORT_NOT_FOUND') id: string, @Query() query: CommentsQuery) {
    return this.comments.list(ability, id, query);
  }

  @Post(':id/comments')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '提出一条意见，指向报告的某一部分或其中的字段；能查看报告的人都可提出' })
  @ApiResponse({ status: 201, type: CommentThreadView })
  create(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @Body() body: CreateCommentDto,
  ) {
    return this.comments.create(principal, ability, id, body);
  }

  @Post(':id/comments/:threadId/replies')
  @Policy('read', 'Report')
  @ApiOperation({ summary: '回复一条意见' })
  @ApiResponse({ status: 201, type: CommentThreadView })
  reply(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @UuidParam('threadId', 'COMMENT_THREAD_NOT_FOUND') threadId: string,
    @Body() body: ReplyDto,
  ) {
    return this.comments.reply(principal, ability, id, threadId, body.body);
  }

  @Patch(':id/comments/:threadId')
  @Policy('review', 'Report')
  @ApiHeader({ name: 'If-Match', required: true, description: '意见的版本（version）' })
  @ApiOperation({ summary: '标记意见为已解决或重新打开（财政局审核人员）' })
  @ApiResponse({ status: 200, type: CommentThreadView })
  async setStatus(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('REPORT_NOT_FOUND') id: string,
    @UuidParam('threadId', 'COMMENT_THREAD_NOT_FOUND') threadId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ThreadStatusDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.comments.setStatus(principal, ability, id, threadId, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }
}
