import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { ClockSync } from './clock-sync.js';

@Global()
@Module({ providers: [Clock, ClockSync], exports: [Clock, ClockSync] })
export class CommonModule {}
