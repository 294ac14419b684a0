import { Logger } from '@nestjs/common';
import { ClockSync } from './clock-sync.js';

/**
 * Runs `work` every so often on the product's time (the test clock taken up first), one run at a time: a run still
 * going when the next falls due is not doubled. A failure is logged and the next run tries again; `stop()` waits for
 * a run under way, so that shutting down never cuts one off.
 */
export class PeriodicSweep {
  private timer?: ReturnType<typeof setInterval>;
  private running?: Promise<void>;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly clockSync: ClockSync,
    private readonly work: () => Promise<unknown>,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
  }

  async runOnce(): Promise<void> {
    if (this.running) return;
    this.running = this.clockSync
      .sync()
      .then(this.work)
      .then(() => undefined)
      .catch((error: Error) => this.logger.error(`${this.what} failed: ${error.message}`))
      .finally(() => (this.running = undefined));
    await this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
