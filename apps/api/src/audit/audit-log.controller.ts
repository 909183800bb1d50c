import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { AuditPage, ListAuditQuery } from './audit.dto';
import { AuditLogService } from './audit-log.service';

@ApiTags('审计日志')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @Policy('read', 'AuditLog')
  @ApiOperation({ summary: '审计日志（登录、管理操作、越权尝试），按时间倒序' })
  @ApiResponse({ status: 200, type: AuditPage })
  list(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Query() query: ListAuditQuery,
  ) {
    return this.log.list(principal, ability, query);
  }

  @Get('verification')
  @Policy('read', 'AuditLog')
  @ApiOperation({ summary: '校验审计日志哈希链：返回条目数和第一处断裂（如有）' })
  verify(@CurrentPrincipal() principal: SessionPrincipal) {
    return this.log.verify(principal);
  }
}
