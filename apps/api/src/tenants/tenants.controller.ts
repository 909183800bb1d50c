import { Body, Controller, Get, Headers, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { requireIfMatch, setEtag } from '../http/versioning';
import { CreateTenantAdminDto, CreateTenantDto, TenantAdminView, TenantView, UpdateTenantDto } from './tenants.dto';
import { TenantsService } from './tenants.service';

@ApiTags('县（区）管理')
@ApiBearerAuth()
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @Policy('read', 'Tenant')
  @ApiOperation({ summary: '县（区）列表：平台管理员看到全部，其他用户只看到本县（区）' })
  @ApiResponse({ status: 200, type: [TenantView] })
  list(@CurrentPrincipal() principal: SessionPrincipal, @CurrentAbility() ability: AppAbility) {
    return this.tenants.list(principal, ability);
  }

  @Post()
  @Policy('create', 'Tenant')
  @ApiOperation({ summary: '新建县（区）（平台管理员）' })
  @ApiResponse({ status: 201, type: TenantView })
  async create(@Body() body: CreateTenantDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.tenants.create(body);
    setEtag(reply, view.version);
    return view;
  }

  @Get(':id')
  @Policy('read', 'Tenant')
  @ApiOperation({ summary: '县（区）详情' })
  @ApiResponse({ status: 200, type: TenantView })
  async get(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('TENANT_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.tenants.get(principal, ability, id);
    setEtag(reply, view.version);
    return view;
  }

  @Patch(':id')
  @Policy('update', 'Tenant')
  @ApiHeader({ name: 'If-Match', required: true, description: '所依据的版本（GET 返回的 ETag）' })
  @ApiOperation({ summary: '修改县（区）名称、所属市/省，或停用/启用（停用后该县所有登录立即失效）' })
  @ApiResponse({ status: 200, type: TenantView })
  async update(
    @CurrentAbility() ability: AppAbility,
    @IdParam('TENANT_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateTenantDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.tenants.update(ability, id, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }

  @Post(':id/admins')
  @Policy('create', 'Tenant') // platform administration: a county's own admins use POST /api/users
  @ApiOperation({ summary: '为县（区）创建管理员（平台管理员）' })
  @ApiResponse({ status: 201, type: TenantAdminView })
  createAdmin(
    @CurrentAbility() ability: AppAbility,
    @IdParam('TENANT_NOT_FOUND') id: string,
    @Body() body: CreateTenantAdminDto,
  ) {
    return this.tenants.createAdmin(ability, id, body);
  }
}
