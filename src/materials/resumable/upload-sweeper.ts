import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ClockSync } from '../../common/clock-sync.js';
import { PeriodicSweep } from '../../common/periodic-sweep.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ResumableUploadsService } from './resumable-uploads.service.js';

/**
 * Removes expired uploads with their parts, every TONGBAN_UPLOAD_SWEEP_MS, in each API process: uploads are the
 * API's (the worker processes of server mode do not load materials), an upload nobody comes back to must still
 * go, and several API processes sweeping at once is safe, since each row is claimed by one DELETE … RETURNING.
 * An expired upload that is asked for before the sweep comes is removed there and then.
 */
@Injectable()
export class UploadSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(UploadSweeper.name);
  private readonly sweep: PeriodicSweep;

  constructor(
    uploads: ResumableUploadsService,
    clockSync: ClockSync,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sweep = new PeriodicSweep(this.logger, 'upload sweep', clockSync, async () => {
      const swept = await uploads.sweepExpired();
      if (swept > 0) this.logger.log(`removed ${swept} expired upload(s) with their parts`);
    });
  }

  onApplicationBootstrap(): void {
    this.sweep.start(this.config.uploadSweepMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }
}
