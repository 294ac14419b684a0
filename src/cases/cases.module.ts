import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { MaterialsModule } from '../materials/materials.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { CaseCommand } from './case-command.entity.js';
import { CaseCommandsService } from './case-commands.service.js';
import { CaseTask } from './case-task.entity.js';
import { CaseTasksController } from './case-tasks.controller.js';
import { CaseTasksService } from './case-tasks.service.js';
import { CaseTransitionService } from './case-transition.service.js';
import { CaseTransitionWorker } from './case-transition.worker.js';
import { Case } from './case.entity.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { DraftsService } from './drafts.service.js';
import { RefilingService } from './refiling.service.js';
import { CaseDelivery } from './delivery/case-delivery.entity.js';
import { DeliveryRecords } from './delivery/delivery-records.js';
import { TaskClaimsService } from './task-claims.service.js';
import { WithdrawalService } from './withdrawal.service.js';
import { WalkInController } from './walk-in/walk-in.controller.js';
import { WalkInService } from './walk-in/walk-in.service.js';
import { CaseProgressController } from './case-progress.controller.js';
import { CaseProgressService } from './case-progress.service.js';
import { CaseStepRecorder } from './case-steps.js';
import { CaseDocument } from './results/case-document.entity.js';
import { CaseDocumentsService } from './results/case-documents.service.js';
import { CaseReplayService } from './case-replay.service.js';
import { CaseResultsController } from './results/case-results.controller.js';
import { CaseResultsService } from './results/case-results.service.js';
import { DocumentVerificationController } from './results/document-verification.controller.js';
import { FilingReceiptService } from './results/filing-receipt.service.js';
import { Licence } from './results/licence.entity.js';
import { IncidentsController } from './service-runs/incidents.controller.js';
import { ServiceHandlers } from './service-runs/service-handlers.js';
import { ServiceRunDispatcher } from './service-runs/service-run-dispatcher.js';
import { ServiceRun } from './service-runs/service-run.entity.js';
import { ServiceRunWorker } from './service-runs/service-run.worker.js';
import { ServiceRunsService } from './service-runs/service-runs.service.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { User } from '../identity/user.entity.js';
import { CaseClock } from './legal-clock/case-clock.entity.js';
import { CaseTimer } from './legal-clock/case-timer.entity.js';
import { CaseTimerFiring } from './legal-clock/case-timer-firing.js';
import { CaseTimerStore } from './legal-clock/case-timer-store.js';
import { CaseTimerWorker } from './legal-clock/case-timer.worker.js';
import { LegalClockService } from './legal-clock/legal-clock.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CaseDelivery, Case, CaseTask, CaseCommand, ServiceRun, CaseDocument, Licence, CaseClock, CaseTimer, User]),
    AuditModule, CatalogModule, MaterialsModule, ProcessesModule, NotificationsModule, CalendarModule,
  ],
  controllers: [CasesController, CaseTasksController, CaseResultsController, DocumentVerificationController, IncidentsController, CaseProgressController, WalkInController],
  providers: [
    CasesService, WalkInService, DraftsService, TaskClaimsService, DeliveryRecords, WithdrawalService, RefilingService, CaseProgressService, CaseCommandsService, CaseTasksService,
    CaseTransitionService, CaseTransitionWorker, CaseStepRecorder,
    CaseResultsService, CaseDocumentsService, CaseReplayService, FilingReceiptService, ServiceHandlers, ServiceRunDispatcher, ServiceRunsService, ServiceRunWorker,
    LegalClockService, CaseTimerStore, CaseTimerFiring, CaseTimerWorker,
  ],
  exports: [CaseTransitionWorker, ServiceRunWorker, CaseTimerWorker, CaseTimerFiring, TaskClaimsService],
})
export class CasesModule {}
