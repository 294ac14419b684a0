import type { EntityManager } from 'typeorm';
import type { Case } from './case.entity.js';
import type { LegalClockService } from './legal-clock/legal-clock.service.js';
import { WITHDRAWN_STAGE } from './withdrawal.service.js';

/** Only a case that ended without a grant (refused, or withdrawn) may be filed again from: the server's rule, which the case page offers as `mayFileAgain`. */
export async function endedWithoutGrant(db: EntityManager, legalClock: LegalClockService, kase: Case): Promise<boolean> {
  return kase.status === 'closed' && (kase.stage === WITHDRAWN_STAGE.id || (await legalClock.wasRefused(db, kase.id)));
}
