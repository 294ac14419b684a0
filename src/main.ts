import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { prepareDatabase } from './boot.js';
import { startCaseWorkers } from './cases/start-workers.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { ClockSync } from './common/clock-sync.js';
import { refuseNonJsonBodies } from './common/json-bodies.js';
import { requestOrigins } from './common/request-origin.js';
import { createValidationPipe } from './common/validation.js';
import { APP_CONFIG, type AppConfig, loadConfig } from './config/app-config.js';
import { DemoSeeder, printAccounts } from './seed/demo-seeder.service.js';
import { serveWebApp } from './web-app/serve-web-app.js';

async function bootstrap(): Promise<void> {
  const { trustProxy } = loadConfig(); // fails fast, before anything starts, on a bad configuration
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  app.use(requestOrigins(trustProxy));
  app.use(refuseNonJsonBodies);
  serveWebApp(app);
  const clockSync = app.get(ClockSync);
  // With a test clock, each request first takes up its time: another process may have moved it.
  if (clockSync.enabled) app.use((_request: unknown, _response: unknown, next: (error?: unknown) => void) => void clockSync.sync().then(() => next(), next));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  const config = app.get<AppConfig>(APP_CONFIG);

  await prepareDatabase(app);
  if (config.mode === 'embedded') {
    // No Redis here: this process carries out the transitions itself, with the workers' own handlers.
    await startCaseWorkers(app);
    const seeder = app.get(DemoSeeder);
    if (await seeder.isEmpty()) {
      const { accounts, file } = await seeder.seed();
      printAccounts(accounts, file);
    }
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('通办 Tongban API').setDescription('行政审批平台 Administrative approvals platform').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document);

  await app.listen(config.port);
  new Logger('Tongban').log(`通办 Tongban listening on http://localhost:${config.port} (${config.mode} mode; API docs at /api/docs)`);
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
