import type { EntityManager } from 'typeorm';
import { AppError, notFound } from '../common/app-error.js';
import type { FieldProblem } from '../common/validation.js';
import { ProcessDefinition } from '../processes/process-definition.entity.js';
import { MATTER } from './catalog.service.js';
import { Department } from './department.entity.js';
import { Matter } from './matter.entity.js';

/**
 * What a matter names must exist: its department, and a process whose active version (the one new cases
 * take) is of the matter's kind, since the kind fixes the stages the law requires and how the clock counts.
 */
export async function referenceProblems(tx: EntityManager, matter: Pick<Matter, 'departmentId' | 'processKey' | 'kind'>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!(await tx.existsBy(Department, { id: matter.departmentId }))) {
    problems.push({ field: 'departmentId', problems: ['departmentId must be the id of a department (GET /api/departments lists them)'] });
  }
  const process = await tx.findOneBy(ProcessDefinition, { key: matter.processKey, active: true });
  if (!process) {
    problems.push({ field: 'processKey', problems: [`processKey ${matter.processKey} is not a process with an active version (GET /api/processes lists them)`] });
  } else if (process.kind !== matter.kind) {
    problems.push({
      field: 'processKey',
      problems: [`processKey ${matter.processKey} runs cases of kind ${process.kind} (its active version ${process.version}), not ${matter.kind}: choose a process of kind ${matter.kind}, or change kind`],
    });
  }
  return problems;
}

/** The matter, locked until the transaction ends: changes of one matter and of its list of materials queue here. */
export async function lockMatter(tx: EntityManager, matterId: string): Promise<Matter> {
  const matter = await tx.findOne(Matter, { where: { id: matterId }, lock: { mode: 'pessimistic_write' } });
  if (!matter) throw notFound(MATTER, 'MATTER_NOT_FOUND');
  return matter;
}

export const codeTaken = (code: string) =>
  new AppError(409, 'MATTER_CODE_TAKEN', { zh: `事项编码 ${code} 已被其他事项使用`, en: `The matter code ${code} is already used by another matter` }, {
    fields: [{ field: 'code', problems: [`code ${code} is already used by another matter`] }],
  });

/**
 * A case takes its department (the organ that accepts it, issues its documents and answers for its rating)
 * from its matter: a matter with cases keeps its department, or they would all move to another organ.
 */
export async function assertDepartmentMayChange(tx: EntityManager, matter: Pick<Matter, 'id' | 'departmentId'>, departmentId: string): Promise<void> {
  if (departmentId === matter.departmentId) return;
  const [{ count }] = await tx.query(`SELECT count(*) AS count FROM cases WHERE matter_id = $1`, [matter.id]);
  if (Number(count) === 0) return;
  throw new AppError(
    409,
    'MATTER_HAS_CASES',
    {
      zh: `该事项已有 ${count} 个办件，不能改由其他部门实施，否则这些办件将转到另一机关名下；请为新部门新建事项，并撤回本事项`,
      en: `The matter has ${count} case(s) and cannot move to another department, or they would move to another organ; create a matter for the new department and withdraw this one`,
    },
    { cases: Number(count), fields: [{ field: 'departmentId', problems: ['departmentId cannot change once the matter has cases'] }] },
  );
}

/** A unique constraint the database reported, turned into the conflict it means; anything else is thrown again. */
export function rethrowConflict(error: unknown, conflicts: Record<string, () => AppError>): never {
  const constraint = (error as { constraint?: string }).constraint;
  throw (constraint && conflicts[constraint]?.()) || error;
}
