import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JOB_QUEUE, type JobQueue } from '../infrastructure/queue/job-queue.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../infrastructure/storage/object-storage.js';

type Check = { status: 'up' } | { status: 'down'; error: string };

async function probe(fn: () => Promise<unknown>): Promise<Check> {
  try {
    await fn();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

@ApiTags('health 健康检查')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 200 when the database, the queue and the storage all answer; 503 naming the one that does not. */
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, queue, storage] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.queue.check()),
      probe(() => this.storage.check()),
    ]);
    const up = [database, queue, storage].every((check) => check.status === 'up');
    response.status(up ? 200 : 503);
    return {
      status: up ? 'up' : 'down',
      mode: this.config.mode,
      database,
      queue: { kind: this.queue.kind, ...queue },
      storage: { kind: this.storage.kind, ...storage },
    };
  }
}
