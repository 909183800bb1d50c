import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import { CurrentPrincipal } from '../access/principal.decorator';
import type { SessionPrincipal } from '../auth/sessions.service';
import { IdParam, UuidParam } from '../http/uuid-param';
import {
  CreateWebhookDto,
  UpdateWebhookDto,
  WebhookDeliveryView,
  WebhookSecretView,
  WebhookView,
  WebhookWithSecretView,
} from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('推送地址（Webhook）')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Policy('read', 'WebhookEndpoint')
  @ApiOperation({ summary: '本县的推送地址（县级管理员）' })
  @ApiResponse({ status: 200, type: [WebhookView] })
  list() {
    return this.webhooks.list();
  }

  @Post()
  @Policy('create', 'WebhookEndpoint')
  @ApiOperation({
    summary: '登记推送地址；签名密钥仅在此时显示一次',
    description:
      '每次事件以 POST 推送 JSON（id、event、createdAt、data），请求头 X-EvalFlow-Event、X-EvalFlow-Delivery、X-EvalFlow-Timestamp（秒）、X-EvalFlow-Signature = sha256=HMAC-SHA256(密钥, 时间戳 + "." + 请求体)。接收方应拒绝时间戳与当前时间相差超过 5 分钟的请求，并按 X-EvalFlow-Delivery 去重。2xx 为成功；失败按指数退避重试；连续失败超过 24 小时自动暂停并通知县级管理员。地址须为 https，且不能指向本机、内网或链路本地地址（WEBHOOK_URL_NOT_HTTPS、WEBHOOK_URL_PRIVATE_ADDRESS）。',
  })
  @ApiResponse({ status: 201, type: WebhookWithSecretView })
  create(@CurrentPrincipal() principal: SessionPrincipal, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(principal, body);
  }

  @Patch(':id')
  @Policy('update', 'WebhookEndpoint')
  @ApiOperation({ summary: '修改推送地址、事件、说明或启用状态（启用同时解除自动暂停）' })
  @ApiResponse({ status: 200, type: WebhookView })
  update(
    @CurrentPrincipal() principal: SessionPrincipal,
    @IdParam('WEBHOOK_NOT_FOUND') id: string,
    @Body() body: UpdateWebhookDto,
  ) {
    return this.webhooks.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy('update', 'WebhookEndpoint')
  @ApiOperation({ summary: '删除推送地址（推送记录保留）' })
  @ApiResponse({ status: 204 })
  async remove(@CurrentPrincipal() principal: SessionPrincipal, @IdParam('WEBHOOK_NOT_FOUND') id: string) {
    await this.webhooks.remove(principal, id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @Policy('update', 'WebhookEndpoint')
  @ApiOperation({ summary: '更换签名密钥；新密钥仅此一次显示，旧密钥立即失效' })
  @ApiResponse({ status: 200, type: WebhookSecretView })
  rotateSecret(@CurrentPrincipal() principal: SessionPrincipal, @IdParam('WEBHOOK_NOT_FOUND') id: string) {
    return this.webhooks.rotateSecret(principal, id);
  }

  @Get(':id/deliveries')
  @Policy('read', 'WebhookEndpoint')
  @ApiOperation({ summary: '最近 100 次推送及每次尝试的状态码、响应时间' })
  @ApiResponse({ status: 200, type: [WebhookDeliveryView] })
  deliveries(@IdParam('WEBHOOK_NOT_FOUND') id: string) {
    return this.webhooks.deliveries(id);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @Policy('update', 'WebhookEndpoint')
  @ApiOperation({ summary: '手动重新推送一次（以新的任务发送，已有尝试记录保留）' })
  @ApiResponse({ status: 202, type: WebhookDeliveryView })
  replay(
    @CurrentPrincipal() principal: SessionPrincipal,
    @IdParam('WEBHOOK_NOT_FOUND') id: string,
    @UuidParam('deliveryId', 'WEBHOOK_DELIVERY_NOT_FOUND') deliveryId: string,
  ) {
    return this.webhooks.replay(principal, id, deliveryId);
  }
}
