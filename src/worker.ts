import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { prepareDatabase } from './boot.js';
import { startCaseWorkers } from './cases/start-workers.js';
import { loadConfig } from './config/app-config.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  if (loadConfig().mode !== 'server') {
    throw new Error('The worker runs in server mode only (set DATABASE_URL, REDIS_URL and S3_*); in embedded mode `npm start` carries out transitions itself.');
  }
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
  await prepareDatabase(app);
  await startCaseWorkers(app);
  new Logger('Tongban').log(`worker ready (pid ${process.pid})`);
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
