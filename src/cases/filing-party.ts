import type { Actor } from '../common/actor.js';
import type { Case } from './case.entity.js';

/** Who a case is filed by and for: what `isFiler` (case-access.ts) reads. */
export type FilingParty = Pick<Case, 'applicantId' | 'organisationId' | 'channel' | 'filedBy' | 'filingDepartment' | 'applicantDocument'>;

/** An applicant filing online, for themselves or for the organisation they belong to. */
export const onlineParty = (actor: Actor): FilingParty => ({
  applicantId: actor.id, organisationId: actor.organisationId, channel: 'online', filedBy: null, filingDepartment: null, applicantDocument: null,
});

/** Only the party's own fields: a case's others must not reach a new case built from it. */
export const filingPartyOf = ({ applicantId, organisationId, channel, filedBy, filingDepartment, applicantDocument }: FilingParty): FilingParty => ({
  applicantId, organisationId, channel, filedBy, filingDepartment, applicantDocument,
});
