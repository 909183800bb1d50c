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
const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

export interface HealthOptions {
  redisUrl: string;
  /**
   * Whether this process can serve without Redis. The API can: drafts, reviews and submissions go
   * through PostgreSQL (jobs wait in the outbox), so it stays ready and reports itself degraded.
   * The worker cannot: its jobs live in Redis.
   */
  redisRequired: boolean;
}
const DEPENDENCY_LABELS: Record<string, string> = { database: 'PostgreSQL 数据库', redis: 'Redis' };

@ApiTags('运维')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(RedisHealthIndicator) private readonly redis: RedisHealthIndicator,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  @Get('health')
  @Public('liveness probe for the orchestrator')
  @ApiOperation({ summary: '存活检查（进程是否在运行），并报告各依赖的状态（degraded：部分依赖不可达）' })
  async liveness() {
    const [database, redis] = await Promise.all([
      this.db.pingCheck('database', { timeout: 1500 }).catch(() => ({ database: { status: 'down' } })),
      this.redis.pingCheck('redis'),
    ]);
    const dependencies = { ...database, ...redis } as Record<string, { status: string; message?: string }>;
    const down = Object.keys(dependencies).filter((key) => dependencies[key].status !== 'up');
    return {
      status: down.length ? 'degraded' : 'ok',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      dependencies,
      ...(down.length ? { degraded: down.map((key) => DEPENDENCY_LABELS[key] ?? key) } : {}),
    };
  }

  @Get('ready')
  @Public('readiness probe for the orchestrator')
  @HealthCheck()
  @ApiOperation({ summary: '就绪检查（能否提供服务：PostgreSQL 必需；Redis 仅后台任务进程必需）' })
  async readiness() {
    try {
      const result = await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1500 }),
        ...(this.options.redisRequired ? [() => this.redis.pingCheck('redis')] : []),
      ]);
      if (this.options.redisRequired) return result;
      const redis = (await this.redis.pingCheck('redis')) as Record<string, { status: string }>;
      const details = { ...result.details, ...redis };
      return redis['redis'].status === 'up'
        ? { ...result, info: { ...result.info, ...redis }, details }
        : { ...result, details, degraded: [DEPENDENCY_LABELS['redis']] };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Keep terminus' per-dependency report as the details of the one error body.
      const report = error.getResponse() as { error?: Record<string, unknown> };
      const down = Object.keys(report.error ?? {}).map((key) => DEPENDENCY_LABELS[key] ?? key);
      throw new AppError('NOT_READY', report, `服务未就绪：${down.join('、')}不可达`);
    }
  }
}

/**
 * GET /health (liveness, with each dependency's state) and GET /ready (what this process needs to
 * serve), shared by api and worker.
 */
export class HealthModule {
  static register(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
      controllers: [HealthController],
      providers: [
        { provide: HEALTH_OPTIONS, useValue: options },
        {
          provide: RedisHealthIndicator,
          inject: [HealthIndicatorService],
          useFactory: (health: HealthIndicatorService) => new RedisHealthIndicator(health, options.redisUrl),
        },
      ],
    };
  }
}
