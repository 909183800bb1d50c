import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { requireIfMatch, setEtag } from '../http/versioning';
import { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto, UserPage, UserView } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('用户管理')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Policy('read', 'User')
  @ApiOperation({ summary: '用户列表（按用户名键集分页）：县级管理员看到本县全部，其他用户只看到自己' })
  @ApiResponse({ status: 200, type: UserPage })
  list(@CurrentAbility() ability: AppAbility, @Query() query: ListUsersQuery) {
    return this.users.list(ability, query);
  }

  @Post()
  @Policy('create', 'User')
  @ApiOperation({ summary: '新建用户并授予角色（县级管理员）' })
  @ApiResponse({ status: 201, type: UserView })
  create(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Body() body: CreateUserDto,
  ) {
    return this.users.create(principal, ability, body);
  }

  @Get(':id')
  @Policy('read', 'User')
  @ApiOperation({ summary: '用户详情（字段按权限裁剪）' })
  @ApiResponse({ status: 200, type: UserView })
  async get(
    @CurrentAbility() ability: AppAbility,
    @IdParam('USER_NOT_FOUND') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.users.get(ability, id);
    if (view.version !== undefined) setEtag(reply, view.version);
    return view;
  }

  @Patch(':id')
  @Policy('update', 'User')
  @ApiHeader({ name: 'If-Match', required: true, description: '所依据的版本（GET 返回的 ETag）' })
  @ApiOperation({ summary: '修改姓名、部门、角色或停用账号（停用后其所有登录立即失效）' })
  @ApiResponse({ status: 200, type: UserView })
  async update(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('USER_NOT_FOUND') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.users.update(principal, ability, id, requireIfMatch(ifMatch), body);
    if (view.version !== undefined) setEtag(reply, view.version);
    return view;
  }

  @Post(':id/password')
  @Policy('resetPassword', 'User')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '重置他人密码（县级管理员）；该用户的所有登录立即失效' })
  resetPassword(
    @CurrentAbility() ability: AppAbility,
    @IdParam('USER_NOT_FOUND') id: string,
    @Body() body: ResetPasswordDto,
  ) {
    return this.users.resetPassword(ability, id, body);
  }
}
