import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import type { AppAbility } from '@evalflow/domain';
import { CurrentAbility, CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam } from '../http/uuid-param';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('API 密钥')
@ApiBearerAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @Policy('read', 'ApiKey')
  @ApiOperation({
    summary: '本县的 API 密钥（仅县级管理员）：名称、开头几位、权限范围、创建和最近使用时间；不含密钥本身',
  })
  @ApiResponse({ status: 200, type: [ApiKeyView] })
  list(@CurrentAbility() ability: AppAbility) {
    return this.apiKeys.list(ability);
  }

  @Post()
  @Policy('create', 'ApiKey')
  @ApiOperation({
    summary: '创建 API 密钥（仅县级管理员）',
    description: '完整密钥只在本次响应中返回一次，系统只保存其 SHA-256 摘要，无法找回；遗失请撤销后重新创建。',
  })
  @ApiResponse({ status: 201, type: CreatedApiKeyView })
  create(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @Body() body: CreateApiKeyDto,
  ) {
    return this.apiKeys.create(principal, ability, body);
  }

  @Post(':id/revocation')
  @HttpCode(200)
  @Policy('update', 'ApiKey')
  @ApiOperation({ summary: '撤销 API 密钥（仅县级管理员）；立即失效' })
  @ApiResponse({ status: 200, type: ApiKeyView })
  revoke(
    @CurrentPrincipal() principal: SessionPrincipal,
    @CurrentAbility() ability: AppAbility,
    @IdParam('API_KEY_NOT_FOUND') id: string,
  ) {
    return this.apiKeys.revoke(principal, ability, id);
  }
}
