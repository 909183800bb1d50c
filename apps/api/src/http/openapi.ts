import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';

/** OpenAPI security scheme names of API keys; scopes are listed per route. */
export const API_KEY_BEARER = 'api-key';
export const API_KEY_HEADER = 'api-key-header';

/** Swagger UI at /api/docs, the OpenAPI JSON at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('EvalFlow 预算绩效自评 API')
      .setDescription(
        '县级预算部门整体支出绩效自评的填报、审核与文档生成。所有错误返回 { code, message, details }：code 为稳定的错误码，message 为中文说明。',
      )
      .setVersion('1.0')
      .addBearerAuth()
      // service accounts (预算一体化 and other systems): only the routes marked with these schemes take a key
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'ef_live_…',
          description:
            'API 密钥（服务账号）：Authorization: Bearer ef_live_…。只读，限本县；仅标注了此方案的接口接受，其余接口一律 403。每个密钥每分钟限次（RATE_LIMIT_API_KEY_PER_MINUTE），超限 429 并带 Retry-After。',
        },
        API_KEY_BEARER,
      )
      .addApiKey(
        { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'API 密钥的另一种传法：X-Api-Key: ef_live_…' },
        API_KEY_HEADER,
      )
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'EvalFlow API 文档',
  });
}
