import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { CandidatesQuery, CreateDelegationDto, DelegationPartyView, DelegationView } from './delegations.dto';
import { DelegationsService } from './delegations.service';

@ApiTags('代理人')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get()
  @Policy('read', 'Delegation')
  @ApiOperation({ summary: '代理委托：本人委托的和受托的（县级管理员：本县全部）' })
  @ApiResponse({ status: 200, type: [DelegationView] })
  list(@CurrentAbility() ability: AppAbility) {
    return this.delegations.list(ability);
  }

  @Get('candidates')
  @Policy('create', 'Delegation')
  @ApiOperation({ summary: '可指定为代理人的用户：本县在用的、具有该角色的用户' })
  @ApiResponse({ status: 200, type: [DelegationPartyView] })
  candidates(@Query() query: CandidatesQuery) {
    return this.delegations.candidates(query.role);
  }

  @Post()
  @Policy('create', 'Delegation')
  @ApiOperation({
    summary: '指定代理人（本人，或县级管理员为本县任何审核人、审批人）',
    description:
      '代理人须为本县同一角色的其他用户；同一委托人同一角色的代理期间不能重叠；代理人在该期间本人也委托了代理的不能指定。',
  })
  @ApiResponse({ status: 201, type: DelegationView })
  create(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Body() body: CreateDelegationDto,
  ) {
    return this.delegations.create(principal, ability, body);
  }

  @Post(':id/revocation')
  @HttpCode(200)
  @Policy('update', 'Delegation')
  @ApiOperation({ summary: '撤销代理委托（委托人或县级管理员）；立即失效' })
  @ApiResponse({ status: 200, type: DelegationView })
  revoke(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('DELEGATION_NOT_FOUND') id: string,
  ) {
    return this.delegations.revoke(principal, ability, id);
  }
}
