import type { Message } from '../common/app-error.js';

/**
 * The stages of the to-do list (待办), as the law and the service centre name them. A task's stage follows from
 * the legal stages its process gives it (tongban:stage) and from whether the case has been supplemented: an
 * acceptance after a supplementation notice is the acceptance of supplements (补交受理).
 */
export const TODO_STAGES = ['preAcceptance', 'acceptance', 'supplementAcceptance', 'review', 'decision', 'handling', 'delivery'] as const;
export type TodoStage = (typeof TODO_STAGES)[number];

export const TODO_STAGE_NAMES: Record<TodoStage, Message> = {
  preAcceptance: { zh: '预受理', en: 'Pre-acceptance' },
  acceptance: { zh: '受理', en: 'Acceptance' },
  supplementAcceptance: { zh: '补交受理', en: 'Acceptance of supplements' },
  review: { zh: '审查', en: 'Review' },
  decision: { zh: '决定', en: 'Decision' },
  // Whatever else staff do on a case: special procedures, extensions, post-approval inspection.
  handling: { zh: '办理', en: 'Handling' },
  delivery: { zh: '送达', en: 'Delivery' },
};

/** The to-do stage of a task with these legal stages, in a case submitted `submissionRound` times: the SQL below, in TypeScript. */
export function todoStageOf(stages: readonly string[], submissionRound: number): TodoStage {
  const any = (...names: string[]) => names.some((name) => stages.includes(name));
  if (any('acceptance', 'preAcceptance') && submissionRound > 1) return 'supplementAcceptance';
  if (any('preAcceptance')) return 'preAcceptance';
  if (any('acceptance')) return 'acceptance';
  if (any('review', 'coReview')) return 'review';
  if (any('decision')) return 'decision';
  if (any('delivery')) return 'delivery';
  return 'handling';
}

/** The to-do stage of an open task `t` of case `c`, in SQL: the first rule that holds (`todoStageOf` is its twin). */
export const TODO_STAGE_OF_TASK = `CASE
  WHEN t.stages && '{acceptance,preAcceptance}'::text[] AND c.submission_round > 1 THEN 'supplementAcceptance'
  WHEN 'preAcceptance' = ANY(t.stages) THEN 'preAcceptance'
  WHEN 'acceptance' = ANY(t.stages) THEN 'acceptance'
  WHEN t.stages && '{review,coReview}'::text[] THEN 'review'
  WHEN 'decision' = ANY(t.stages) THEN 'decision'
  WHEN 'delivery' = ANY(t.stages) THEN 'delivery'
  ELSE 'handling' END`;
