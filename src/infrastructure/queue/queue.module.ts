import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ClockSync } from '../../common/clock-sync.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { BullMqJobQueue } from './bullmq-job-queue.js';
import { InProcessJobQueue } from './in-process-job-queue.js';
import { JOB_QUEUE, type JobQueue } from './job-queue.js';

@Global()
@Module({
  providers: [
    {
      provide: JOB_QUEUE,
      inject: [APP_CONFIG, ClockSync],
      // Every job first takes up the test clock's time, when there is one.
      useFactory: (config: AppConfig, clockSync: ClockSync): JobQueue => {
        const beforeJob = () => clockSync.sync();
        return config.mode === 'embedded'
          ? new InProcessJobQueue(beforeJob)
          : new BullMqJobQueue(config.redisUrl!, config.queuePrefix, config.workerConcurrency, beforeJob);
      },
    },
  ],
  exports: [JOB_QUEUE],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
