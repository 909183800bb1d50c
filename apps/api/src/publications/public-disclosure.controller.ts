import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@evalflow/auth';
import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from '../documents/content-disposition';
import { PublicCountyView } from './publications.dto';
import { PublicDisclosureService } from './public-disclosure.service';

/** The county's public page of 随决算公开: read-only, no sign-in, rate-limited per address ('public' family). */
@ApiTags('随决算公开（公开页面）')
@Controller('public/counties')
export class PublicDisclosureController {
  constructor(private readonly disclosure: PublicDisclosureService) {}

  @Get(':code/publications')
  @Public('随决算公开：公众查看本县已公开的绩效自评报告清单')
  @ApiParam({ name: 'code', description: '县（区）的行政区划代码，如 130133', example: '130133' })
  @ApiOperation({ summary: '本县（区）已公开的绩效自评报告（无需登录）' })
  @ApiResponse({ status: 200, type: PublicCountyView })
  async list(@Param('code') code: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.disclosure.county(code);
    // a withdrawal must leave shared caches within a minute (s-maxage); a browser asks again on every
    // visit (max-age=0), so a visitor who reloads never sees a withdrawn report whose PDF is gone
    void reply.header('cache-control', 'public, max-age=0, s-maxage=60').header('x-content-type-options', 'nosniff');
    return view;
  }

  @Get(':code/publications/:id/pdf')
  @Public('随决算公开：公众下载已公开报告的公开版 PDF')
  @ApiParam({ name: 'code', description: '县（区）的行政区划代码', example: '130133' })
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '下载已公开报告的公开版 PDF（无需登录）；撤销后即不可下载' })
  async pdf(@Param('code') code: string, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { body, sizeBytes, sha256, fileName } = await this.disclosure.file(code, id);
    if (sizeBytes !== null) void reply.header('content-length', String(sizeBytes));
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachmentDisposition(fileName, `evalflow-public-${id}.pdf`))
      .header('etag', `"${sha256}"`)
      // revalidated on every use, so a withdrawn file is not served from a cache
      .header('cache-control', 'public, no-cache')
      .header('x-content-type-options', 'nosniff');
    return body;
  }
}
