import { Body, Controller, Get, Headers, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { requireIfMatch, setEtag } from '../http/versioning';
import { CreateDepartmentDto, DepartmentView, ListDepartmentsQuery, UpdateDepartmentDto } from './departments.dto';
import { DepartmentsService } from './departments.service';

@ApiTags('部门管理')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @Policy('read', 'Department')
  @ApiOperation({ summary: '部门列表：县级管理员与财政局看到本县全部部门，部门用户只看到本部门' })
  @ApiResponse({ status: 200, type: [DepartmentView] })
  list(@CurrentAbility() ability: AppAbility, @Query() query: ListDepartmentsQuery) {
    return this.departments.list(ability, query);
  }

  @Post()
  @Policy('create', 'Department')
  @ApiOperation({ summary: '新建部门（县级管理员）' })
  @ApiResponse({ status: 201, type: DepartmentView })
  async create(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Body() body: CreateDepartmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.departments.create(principal, ability, body);
    setEtag(reply, view.version);
    return view;
  }

  @Get(':id')
  @Policy('read', 'Department')
  @ApiOperation({ summary: '部门详情' })
  @ApiResponse({ status: 200, type: DepartmentView })
  async get(
    @CurrentAbility() ability: AppAbility,
    @IdParam('DEPARTMENT_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.departments.get(ability, id);
    setEtag(reply, view.version);
    return view;
  }

  @Patch(':id')
  @Policy('update', 'Department')
  @ApiHeader({ name: 'If-Match', required: true, description: '所依据的版本（GET 返回的 ETag）' })
  @ApiOperation({ summary: '修改部门信息或停用部门（县级管理员）' })
  @ApiResponse({ status: 200, type: DepartmentView })
  async update(
    @CurrentAbility() ability: AppAbility,
    @IdParam('DEPARTMENT_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateDepartmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.departments.update(ability, id, requireIfMatch(ifMatch), body);
    setEtag(reply, view.version);
    return view;
  }
}
