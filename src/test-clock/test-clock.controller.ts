import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ClockSync } from '../common/clock-sync.js';
import { CaseTimerFiring } from '../cases/legal-clock/case-timer-firing.js';
import { MoveClockDto } from './test-clock.dto.js';

/**
 * The test clock (TONGBAN_TEST_CLOCK=1 only): moves the product's time forward and carries out every timer
 * that falls due by then before answering, so that deadlines can be rehearsed on a running server.
 */
@ApiTags('test clock 测试时钟')
@Public()
@Controller('api/test/clock')
export class TestClockController {
  constructor(
    private readonly clock: Clock,
    private readonly clockSync: ClockSync,
    private readonly firing: CaseTimerFiring,
  ) {}

  @Get()
  now() {
    const now = this.clock.now();
    return { now: now.toISOString(), aheadMs: now.getTime() - Date.now() };
  }

  @Post()
  @HttpCode(200)
  async move(@Body() dto: MoveClockDto) {
    const target = new Date(dto.now);
    if (target < this.clock.now()) {
      throw new AppError(409, 'CLOCK_BACKWARDS', {
        zh: `测试时钟只能向前拨动：当前为 ${this.clock.now().toISOString()}`,
        en: `The test clock only moves forward; it is now ${this.clock.now().toISOString()}`,
      }, { now: this.clock.now().toISOString() });
    }
    await this.clockSync.runAhead(target.getTime() - Date.now());
    const firedTimers = await this.firing.fireDue();
    return { now: this.clock.now().toISOString(), firedTimers };
  }
}
