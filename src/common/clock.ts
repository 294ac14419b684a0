import { Injectable } from '@nestjs/common';

/**
 * The one source of the current time. A test clock (TONGBAN_TEST_CLOCK=1) runs it ahead of the machine's
 * time by an offset that all processes share (see test-clock/), so that deadlines can be rehearsed.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Only the test clock calls this; time moves forward only, which the test clock checks. */
  runAhead(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }
}
