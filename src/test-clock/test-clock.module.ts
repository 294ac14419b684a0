import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { TestClockController } from './test-clock.controller.js';

/** Loaded only with TONGBAN_TEST_CLOCK=1 (see AppModule): without it the endpoints do not exist. */
@Module({ imports: [CasesModule], controllers: [TestClockController] })
export class TestClockModule {}
