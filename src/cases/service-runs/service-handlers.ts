import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { type ServiceHandlerName } from '../../processes/service-tasks/service-handler-names.js';
import type { Case } from '../case.entity.js';
import { CaseDocumentsService } from '../results/case-documents.service.js';
import { CaseResultsService } from '../results/case-results.service.js';
import type { ServiceRun } from './service-run.entity.js';

interface HandlerContext {
  run: ServiceRun;
  kase: Case;
  /** The latest comment staff gave on the case: the defects a supplementation notice lists, a refusal's reasons. */
  reason: string | null;
}

/**
 * The platform handlers that service tasks name. Each may be run again for the same run (a retry after a
 * crash) and then does nothing twice; its result becomes the service task's output.
 */
@Injectable()
export class ServiceHandlers {
  private readonly handlers: Record<ServiceHandlerName, (context: HandlerContext) => Promise<object>> = {
    notifyApplicant: async ({ run, kase, reason }) => {
      await this.notifications.send({
        userId: kase.applicantId,
        caseId: kase.id,
        dedupeKey: `service-run:${run.id}`,
        title: `${kase.caseNumber}：${run.name}`,
        body: reason ?? run.name,
      });
      return { notified: kase.applicantId };
    },
    generateNotice: ({ run, kase, reason }) => this.documents.forServiceRun(run, kase, reason),
    issueLicence: ({ kase }) => this.results.issueLicence(kase),
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly results: CaseResultsService,
    private readonly documents: CaseDocumentsService,
  ) {}

  async run(run: ServiceRun, kase: Case): Promise<object> {
    if (!Object.hasOwn(this.handlers, run.handler)) throw new Error(`no platform handler is named ${run.handler}`);
    const [latest] = await this.dataSource.query(
      `SELECT comment FROM audit_entries WHERE case_id = $1 AND actor_id IS NOT NULL AND comment IS NOT NULL ORDER BY id DESC LIMIT 1`,
      [kase.id],
    );
    return this.handlers[run.handler as ServiceHandlerName]({ run, kase, reason: latest?.comment ?? null });
  }
}
