import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '@evalflow/auth';
import type { AppConfig } from '@evalflow/config';
import { AppError } from '@evalflow/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllowedBeforePasswordChange } from '../access/password-change.decorator';
import { CurrentPrincipal } from '../access/principal.decorator';
import { ChangePasswordDto, LoginDto, MeView, TokenView } from './auth.dto';
import { AuthService, type IssuedTokens } from './auth.service';
import { clearRefreshCookie, refreshTokenOf, setRefreshCookie } from './refresh-cookie';
import type { ClientInfo, SessionPrincipal } from './sessions.service';

function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent.slice(0, 300) : undefined };
}

@ApiTags('登录与账号')
@Controller('auth')
export class AuthController {
  private readonly refreshTtlSeconds: number;
  private readonly secureCookies: boolean;

  constructor(
    private readonly auth: AuthService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.refreshTtlSeconds = config.get('auth', { infer: true }).refreshTtlSeconds;
    this.secureCookies = config.get('env', { infer: true }) === 'production';
  }

  @Post('login')
  @Public('signing in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '登录：返回访问令牌（15 分钟内有效），刷新令牌写入 httpOnly Cookie' })
  @ApiResponse({ status: 200, type: TokenView })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.issue(reply, await this.auth.login(body.username, body.password, clientOf(request)));
  }

  @Post('refresh')
  @Public('exchanges the refresh cookie for a new access token')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '用刷新令牌（Cookie）换取新的访问令牌；刷新令牌每次使用后轮换，重复使用将注销该登录' })
  @ApiResponse({ status: 200, type: TokenView })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const token = refreshTokenOf(request);
    if (!token) throw new AppError('SESSION_ENDED');
    try {
      return this.issue(reply, await this.auth.refresh(token));
    } catch (error) {
      clearRefreshCookie(reply, this.secureCookies);
      throw error;
    }
  }

  @Post('logout')
  @Public('ends the session named by the access token or the refresh cookie')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '退出登录（立即失效）' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.logout(request.principal?.sessionId, refreshTokenOf(request));
    clearRefreshCookie(reply, this.secureCookies);
  }

  @Get('me')
  @Authenticated()
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户、所在县（区）与部门、角色和权限规则' })
  @ApiResponse({ status: 200, type: MeView })
  me(@CurrentPrincipal() principal: SessionPrincipal): MeView {
    return this.auth.me(principal);
  }

  @Post('password')
  @Authenticated()
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '修改本人密码；其他设备上的登录随即失效' })
  async changePassword(
    @CurrentPrincipal() principal: SessionPrincipal,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword, clientOf(request));
  }

  private issue(reply: FastifyReply, issued: IssuedTokens): TokenView {
    setRefreshCookie(reply, issued.refreshToken, this.refreshTtlSeconds, this.secureCookies);
    void reply.header('cache-control', 'no-store');
    return issued.view;
  }
}
