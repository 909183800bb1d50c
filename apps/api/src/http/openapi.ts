import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';

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
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'EvalFlow API 文档',
  });
}
