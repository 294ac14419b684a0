import { AppError } from '../common/app-error.js';
import type { FieldProblem } from '../common/validation.js';
import { JOINT_HANDLING_DAYS } from '../processes/engine/tongban-moddle.js';
import type { Matter } from './matter.entity.js';
import type { RequiredMaterial } from './required-material.entity.js';

/*
 * The rules between the fields of a matter and of a material item, which no single field's decorators can
 * see: each one the law or the service guide's standards give (DOMAIN.md §1.4, §3, §7). They judge the
 * whole record as it would be stored, so that an edit of one field is held to the others as they are.
 */

export type MatterFields = Omit<Matter, 'id' | 'status'>;
export type MaterialItemFields = Omit<RequiredMaterial, 'id' | 'matterId' | 'position'>;

type Rule<T> = (record: T) => FieldProblem | null;

const problem = (field: string, text: string): FieldProblem => ({ field, problems: [`${field} ${text}`] });

const MATTER_RULES: Rule<MatterFields>[] = [
  (m) => (m.promisedLimitDays > m.legalLimitDays
    ? problem('promisedLimitDays', `(${m.promisedLimitDays}) must not exceed legalLimitDays (${m.legalLimitDays}): the promised limit is kept within the legal one`)
    : null),
  // 即办件 ⇔ an instant process: a matter decided on the spot is exactly one that runs the instant kind.
  (m) => {
    if ((m.kind === 'instant') === (m.caseType === 'instant')) return null;
    return m.kind === 'instant'
      ? problem('caseType', 'must be instant (即办件) for a matter of kind instant')
      : problem('caseType', `must be commitment (承诺件) for a matter of kind ${m.kind}: only an instant matter is decided on the spot`);
  },
  // Joint handling (Art. 26, 42 ¶2) is counted in working days and is at most 45 of them.
  (m) => (m.kind === 'parallel' && m.limitUnit !== 'working_days'
    ? problem('limitUnit', 'must be working_days for a parallel approval: joint handling is counted in working days (Art. 42 ¶2)')
    : null),
  (m) => (m.kind === 'parallel' && m.legalLimitDays > JOINT_HANDLING_DAYS
    ? problem('legalLimitDays', `must be at most ${JOINT_HANDLING_DAYS} for a parallel approval (Art. 42 ¶2)`)
    : null),
  // An instant case has no warning phase; any other would be on warning from its first day.
  (m) => (m.kind !== 'instant' && m.warningWorkingDays > m.promisedLimitDays
    ? problem('warningWorkingDays', `(${m.warningWorkingDays}) must not exceed promisedLimitDays (${m.promisedLimitDays}): a case would be on warning from its first day`)
    : null),
  (m) => (m.chargesFee && !m.feeBasis
    ? problem('feeBasis', 'is required when chargesFee is true: only a law or administrative regulation may set a fee (Art. 58)')
    : null),
  (m) => (!m.chargesFee && m.onlinePayment ? problem('onlinePayment', 'must be false when no fee is charged') : null),
  (m) => (m.siteVisits > 0 && !m.siteVisitReason
    ? problem('siteVisitReason', 'is required when siteVisits is more than 0: every visit to the site must be explained (最多跑一次)')
    : null),
  (m) => (m.complaintPhone === m.consultationPhone ? problem('complaintPhone', 'must differ from consultationPhone') : null),
];

const ITEM_RULES: Rule<MaterialItemFields>[] = [
  (i) => (i.form === 'electronic' && i.originalCopies > 0 ? problem('originalCopies', 'must be 0 for an electronic-only material (form electronic)') : null),
  (i) => (i.form === 'electronic' && i.photocopies > 0 ? problem('photocopies', 'must be 0 for an electronic-only material (form electronic)') : null),
  (i) => (i.form !== 'electronic' && i.originalCopies + i.photocopies === 0
    ? problem('originalCopies', `and photocopies cannot both be 0 for a material handed in on paper (form ${i.form})`)
    : null),
  (i) => (i.source !== 'applicant' && !i.issuer ? problem('issuer', `is required when the source is ${i.source} (出具机构)`) : null),
];

const broken = <T>(rules: Rule<T>[], record: T) => rules.map((rule) => rule(record)).filter((found): found is FieldProblem => found !== null);

export const matterProblems = (matter: MatterFields): FieldProblem[] => broken(MATTER_RULES, matter);
export const materialItemProblems = (item: MaterialItemFields): FieldProblem[] => broken(ITEM_RULES, item);

/** The project's 400 VALIDATION_FAILED, with each field's problems together under it. */
export function assertNoProblems(found: FieldProblem[]): void {
  if (found.length === 0) return;
  const byField = new Map<string, string[]>();
  for (const { field, problems } of found) byField.set(field, [...(byField.get(field) ?? []), ...problems]);
  throw new AppError(400, 'VALIDATION_FAILED', { zh: '请求内容未通过校验', en: 'The request failed validation' }, {
    fields: [...byField].map(([field, problems]) => ({ field, problems })),
  });
}
