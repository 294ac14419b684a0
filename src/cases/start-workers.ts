import { INestApplicationContext } from '@nestjs/common';
import { CaseTransitionWorker } from './case-transition.worker.js';
import { NoticeSender } from '../notifications/notice-sender.js';
import { StageChangeNotifier } from '../notifications/stage-change-notifier.js';
import { CaseTimerWorker } from './legal-clock/case-timer.worker.js';
import { ServiceRunWorker } from './service-runs/service-run.worker.js';

/** Serves the case queues (and the notifications they and other changes cause) in this process: the worker processes in server mode, the app itself when embedded. */
export async function startCaseWorkers(app: INestApplicationContext): Promise<void> {
  app.get(CaseTransitionWorker).start();
  await app.get(ServiceRunWorker).start();
  await app.get(CaseTimerWorker).start();
  app.get(StageChangeNotifier).start();
  app.get(NoticeSender).start();
}
