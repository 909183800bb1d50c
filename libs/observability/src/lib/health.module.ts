import { Controller, Get, Inject, ServiceUnavailableException, type DynamicModule } from '@nestjs/common';
import { Public } from '@evalflow/auth';
import { AppError } from '@evalflow/domain';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { RedisHealthIndicator } from './redis-health.indicator';

const startedAt = Date.now();
const DEPENDENCY_LABELS: Record<string, string> = { database: 'PostgreSQL 数据库', redis: 'Redis' };

@ApiTags('运维')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(RedisHealthIndicator) private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('health')
  @Public('liveness probe for the orchestrator')
  @ApiOperation({ summary: '存活检查（进程是否在运行）' })
  liveness() {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
  }

  @Get('ready')
  @Public('readiness probe for the orchestrator')
  @HealthCheck()
  @ApiOperation({ summary: '就绪检查（PostgreSQL 与 Redis 是否可达）' })
  async readiness() {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1500 }),
        () => this.redis.pingCheck('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Keep terminus' per-dependency report as the details of the one error body.
      const report = error.getResponse() as { error?: Record<string, unknown> };
      const down = Object.keys(report.error ?? {}).map((key) => DEPENDENCY_LABELS[key] ?? key);
      throw new AppError('NOT_READY', report, `服务未就绪：${down.join('、')}不可达`);
    }
  }
}

/** GET /health (liveness) and GET /ready (PostgreSQL and Redis), shared by api and worker. */
export class HealthModule {
  static register(options: { redisUrl: string }): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
      controllers: [HealthController],
      providers: [
        {
          provide: RedisHealthIndicator,
          inject: [HealthIndicatorService],
          useFactory: (health: HealthIndicatorService) => new RedisHealthIndicator(health, options.redisUrl),
        },
      ],
    };
  }
}
