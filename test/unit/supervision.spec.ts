import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import { TODO_STAGE_OF_TASK, todoStageOf } from '../../src/cases/todo-stages.js';
import { casesMoved } from '../../src/supervision/urge-moves.js';

// The legal stages the validator lets a task carry (tongban:stage), alone and in the pairs the shipped processes use.
const STAGE_SETS = [
  [], ['application'], ['preAcceptance'], ['acceptance'], ['acceptance', 'decision'], ['review'], ['coReview'], ['decision'],
  ['delivery'], ['specialProcedure'], ['extension'], ['inspection'], ['supplementation'], ['preAcceptance', 'review'],
];

describe(todoStageOf.name, () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(() => db.close());

  // The board stores what todoStageOf says; the to-do list computes it in SQL: both must agree on every task.
  it('agrees with the to-do list’s SQL for every stage set, before and after a supplementation', async () => {
    for (const stages of STAGE_SETS) {
      for (const round of [1, 2]) {
        const { rows } = await db.query<{ stage: string }>(
          `SELECT ${TODO_STAGE_OF_TASK} AS stage FROM (SELECT $1::text[] AS stages) t, (SELECT $2::int AS submission_round) c`,
          [stages, round],
        );
        expect([stages, round, todoStageOf(stages, round)]).toEqual([stages, round, rows[0].stage]);
      }
    }
  });
});

describe(casesMoved.name, () => {
  const urge = { caseId: 'c1', stage: 'review', taskIds: ['t1'] };

  it('leaves out cases never urged', () => {
    expect(casesMoved([{ caseId: 'c2', stage: 'review' }], [], [urge]).has('c2')).toBe(false);
  });

  it('says not moved while the stage and the open tasks are those of the urge, claimed or not', () => {
    expect(casesMoved([{ caseId: 'c1', stage: 'review' }], [{ caseId: 'c1', taskId: 't1' }], [urge]).get('c1')).toBe(false);
  });

  it('says moved when the stage changed, or a task closed or opened', () => {
    expect(casesMoved([{ caseId: 'c1', stage: 'decision' }], [{ caseId: 'c1', taskId: 't2' }], [urge]).get('c1')).toBe(true);
    // Sent back to the same step: a new task of the same stage.
    expect(casesMoved([{ caseId: 'c1', stage: 'review' }], [{ caseId: 'c1', taskId: 't3' }], [urge]).get('c1')).toBe(true);
    expect(casesMoved([{ caseId: 'c1', stage: 'review' }], [{ caseId: 'c1', taskId: 't1' }, { caseId: 'c1', taskId: 't4' }], [urge]).get('c1')).toBe(true);
  });
});
