import { Module } from '@nestjs/common';
import { CoreModule } from './core.module.js';

/** The worker process: no HTTP, only the queues. */
@Module({ imports: [CoreModule] })
export class WorkerModule {}
