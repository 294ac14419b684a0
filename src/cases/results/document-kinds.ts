import type { Message } from '../../common/app-error.js';
import type { ClockStep } from '../legal-clock/legal-clock.service.js';

/**
 * The written documents the law requires of a step: the acceptance outcomes of Art. 32 (受理 / 不予受理 /
 * 补正, each "a written receipt bearing the date"), the decisions of Art. 38 (准予 / 不予行政许可, a refusal
 * with its reasons and the applicant's remedies) and a revocation (Art. 69). `notice` is what a process's
 * generateNotice task issues after a step that owes none of these, named after the task.
 */
export const DOCUMENT_KINDS = ['acceptance', 'nonAcceptance', 'supplementation', 'grant', 'denial', 'revocation', 'notice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The kinds a step owes by law, with their titles. */
export type OwedKind = Exclude<DocumentKind, 'notice'>;
export const DOCUMENT_TITLES: Record<OwedKind, Message> = {
  acceptance: { zh: '受理通知书', en: 'Notice of acceptance' },
  nonAcceptance: { zh: '不予受理决定书', en: 'Decision not to accept the application' },
  supplementation: { zh: '补正告知书', en: 'Notice to supplement the application' },
  grant: { zh: '准予行政许可决定书', en: 'Decision to grant the licence' },
  denial: { zh: '不予行政许可决定书', en: 'Decision to refuse the licence' },
  revocation: { zh: '撤销行政许可决定书', en: 'Decision to revoke the licence' },
};

/** Decisions against the applicant: they give reasons and tell of reconsideration and litigation (Art. 38 ¶2). */
export const ADVERSE_KINDS: readonly DocumentKind[] = ['nonAcceptance', 'denial', 'revocation'];

/**
 * The document a person's step owes, read from the action and the legal stages of the task it completed:
 * like the legal clock, this holds for any process, whatever service tasks its designer drew.
 */
export function documentOwed({ completed, action }: Pick<ClockStep, 'completed' | 'action'>): OwedKind | null {
  if (!completed) return null;
  const has = (stage: string) => completed.stages.includes(stage);
  switch (action) {
    case 'refuse':
      return 'nonAcceptance';
    case 'requestSupplement':
      return 'supplementation';
    case 'grant':
      return 'grant';
    case 'deny':
      return 'denial';
    case 'revoke':
      return 'revocation';
    case 'accept':
      // Accepting where the task also decides (告知承诺: decided on the spot) grants the licence.
      if (has('decision')) return 'grant';
      return has('acceptance') ? 'acceptance' : null;
    default:
      return null;
  }
}
