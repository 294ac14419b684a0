import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from './clock.js';

/**
 * Keeps every process on the test clock's time: the API and each worker read the shared offset before
 * each request and each job. Without TONGBAN_TEST_CLOCK it does nothing and reads nothing.
 */
@Injectable()
export class ClockSync {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.testClock;
  }

  async sync(): Promise<void> {
    if (!this.enabled) return;
    const [row] = await this.dataSource.query(`SELECT offset_ms FROM test_clock WHERE id = 1`);
    this.clock.runAhead(Number(row?.offset_ms ?? 0));
  }

  /** Moves every process's time to `offsetMs` ahead of the machine's: here at once, elsewhere at their next sync. */
  async runAhead(offsetMs: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO test_clock (id, offset_ms) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET offset_ms = EXCLUDED.offset_ms`,
      [offsetMs],
    );
    this.clock.runAhead(offsetMs);
  }
}
