import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@evalflow/auth';
import { CreatePingDto, PingJobView } from './ping.dto';
import { PingService } from './ping.service';

@ApiTags('运维')
@ApiBearerAuth()
@Policy('manage', 'System')
@Controller('system/pings')
export class PingController {
  constructor(private readonly pings: PingService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: '向 worker 发送一个 ping 任务（验证任务队列是否畅通）' })
  @ApiResponse({ status: 202, type: PingJobView })
  create(@Body() body: CreatePingDto): Promise<PingJobView> {
    return this.pings.enqueue(body.message, body.holdMs);
  }

  @Get(':id')
  @ApiOperation({ summary: '查询 ping 任务的状态与结果' })
  @ApiResponse({ status: 200, type: PingJobView })
  find(@Param('id') id: string): Promise<PingJobView> {
    return this.pings.find(id);
  }
}
