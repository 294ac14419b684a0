import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Department, DEPARTMENT_LEVEL_NAMES, DEPARTMENT_LEVELS, type DepartmentLevel } from '../catalog/department.entity.js';
import type { Actor } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { changesOf } from '../common/changes.js';
import { Clock } from '../common/clock.js';
import type { FieldProblem } from '../common/validation.js';
import { fieldsRefused } from '../identity/identity-errors.js';
import { CreateDepartmentDto, UpdateDepartmentDto } from './departments-admin.dto.js';

export interface DepartmentView {
  id: string;
  code: string;
  name: string;
  level: DepartmentLevel;
  levelName: string;
  parent: { code: string; name: string } | null;
  head: { id: string; name: string } | null;
  staffCount: number;
  matterCount: number;
}

type DepartmentRow = Omit<DepartmentView, 'levelName' | 'parent' | 'head'> & { parentCode: string | null; parentName: string | null; headId: string | null; headName: string | null };

const DEPARTMENT = { zh: '部门', en: 'Department' };

/** Higher levels first: a department's parent must come before it. */
const rank = (level: DepartmentLevel) => DEPARTMENT_LEVELS.indexOf(level);

const codeTaken = (code: string) =>
  new AppError(409, 'DEPARTMENT_CODE_TAKEN', { zh: `部门编码 ${code} 已被使用`, en: `The department code ${code} is already in use` }, {
    fields: [{ field: 'code', problems: [`code ${code} is already in use by another department`] }],
  });

/**
 * Departments as administrators create and edit them: a code fixed at creation, a name, a level (province,
 * city, county) and the department above, which must be of a higher level, so the tree never loops. Each
 * change is one transaction with its audit entry (`department.*`); changes are serialised by a table lock, so
 * that two at once cannot leave a parent and a child at the same level.
 */
@Injectable()
export class DepartmentsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(): Promise<DepartmentView[]> {
    return this.views(this.dataSource.manager);
  }

  async get(code: string): Promise<DepartmentView> {
    const [view] = await this.views(this.dataSource.manager, code);
    if (!view) throw notFound(DEPARTMENT, 'DEPARTMENT_NOT_FOUND');
    return view;
  }

  async create(actor: Actor, dto: CreateDepartmentDto): Promise<DepartmentView> {
    return this.change(async (tx) => {
      const parent = await this.parentFor(tx, dto.parentCode ?? null, dto.level, null);
      if (await tx.existsBy(Department, { code: dto.code })) throw codeTaken(dto.code);
      const saved = await tx.save(tx.create(Department, { code: dto.code, name: dto.name, level: dto.level, parentId: parent?.id ?? null }));
      await this.trail(tx, actor, 'department.created', saved, { after: { name: saved.name, level: saved.level, parentCode: parent?.code ?? null } });
      return saved.code;
    });
  }

  /** Changes the fields given; a field given with its current value changes nothing, and nothing changed is not audited. */
  async update(actor: Actor, code: string, dto: UpdateDepartmentDto): Promise<DepartmentView> {
    return this.change(async (tx) => {
      const department = await tx.findOneBy(Department, { code });
      if (!department) throw notFound(DEPARTMENT, 'DEPARTMENT_NOT_FOUND');
      const before = { name: department.name, level: department.level, parentCode: await this.codeOf(tx, department.parentId), headId: department.headId };
      const level = dto.level ?? department.level;
      const parentCode = dto.parentCode === undefined ? before.parentCode : dto.parentCode;
      const parent = await this.parentFor(tx, parentCode, level, department);
      await this.assertAboveChildren(tx, department, level);
      const headId = dto.headId === undefined ? department.headId : dto.headId;
      if (headId !== department.headId && headId !== null) await assertMayHead(tx, department, headId);
      const after = { name: dto.name ?? department.name, level, parentCode: parent?.code ?? null, headId };
      const changes = changesOf(before, after);
      if (Object.keys(changes).length === 0) return code;
      await tx.update(Department, { id: department.id }, { name: after.name, level, parentId: parent?.id ?? null, headId });
      await this.trail(tx, actor, 'department.updated', department, { changes });
      return code;
    });
  }

  /** What administrators changed in this department, newest first. */
  async history(code: string) {
    await this.get(code);
    const entries = await this.dataSource.query(
      `SELECT action, actor_id AS "actorId", actor_name AS "actorName", details, at FROM audit_entries
        WHERE case_id IS NULL AND action LIKE 'department.%' AND details ->> 'code' = $1 ORDER BY id DESC LIMIT 200`,
      [code],
    );
    return entries.map(({ action, actorId, actorName, details, at }: Record<string, unknown>) => ({ action, actor: { id: actorId, name: actorName }, details, at }));
  }

  /** Runs one change under the lock of the departments table, and answers with the department as it then stands. */
  private async change(apply: (tx: EntityManager) => Promise<string>): Promise<DepartmentView> {
    const code = await this.dataSource.transaction(async (tx) => {
      await tx.query('LOCK TABLE departments IN SHARE ROW EXCLUSIVE MODE');
      return apply(tx);
    });
    return this.get(code);
  }

  /** The department named as parent, checked: it exists, is not the department itself, and is of a higher level. */
  private async parentFor(tx: EntityManager, parentCode: string | null, level: DepartmentLevel, self: Department | null): Promise<Department | null> {
    if (parentCode === null) return null;
    const parent = await tx.findOneBy(Department, { code: parentCode });
    const problem = !parent
      ? `parentCode ${parentCode} is not the code of a department`
      : parent.id === self?.id
        ? 'parentCode must not be the department itself'
        : rank(parent.level) >= rank(level)
          ? `parentCode must be a department of a higher level than ${level}: ${parent.code} is ${parent.level}`
          : null;
    if (problem) throw fieldsRefused([{ field: 'parentCode', problems: [problem] }]);
    return parent;
  }

  /** The departments under this one must stay of a lower level than the one it takes. */
  private async assertAboveChildren(tx: EntityManager, department: Department, level: DepartmentLevel): Promise<void> {
    const children = await tx.findBy(Department, { parentId: department.id });
    const notBelow = children.filter((child) => rank(child.level) <= rank(level));
    if (notBelow.length === 0) return;
    const problem: FieldProblem = {
      field: 'level',
      problems: [`level must stay higher than the departments under ${department.code}: ${notBelow.map((child) => `${child.code} (${child.level})`).join(', ')}`],
    };
    throw fieldsRefused([problem]);
  }

  private async codeOf(tx: EntityManager, departmentId: string | null): Promise<string | null> {
    return departmentId ? (await tx.findOneByOrFail(Department, { id: departmentId })).code : null;
  }

  private trail(tx: EntityManager, actor: Actor, action: string, department: Department, details: object): Promise<void> {
    return this.audit.append(tx, {
      caseId: null, action, actorId: actor.id, actorName: actor.displayName, actorRole: 'administrator',
      stageFrom: null, stageTo: null, comment: null, commandId: null, details: { departmentId: department.id, code: department.code, ...details }, at: this.clock.now(),
    });
  }

  private async views(db: EntityManager, code?: string): Promise<DepartmentView[]> {
    const rows: DepartmentRow[] = await db.query(
      `SELECT d.id, d.code, d.name, d.level, p.code AS "parentCode", p.name AS "parentName", h.id AS "headId", h.display_name AS "headName",
              (SELECT count(*) FROM staff_departments s WHERE s.department_id = d.id)::int AS "staffCount",
              (SELECT count(*) FROM matters m WHERE m.department_id = d.id)::int AS "matterCount"
         FROM departments d LEFT JOIN departments p ON p.id = d.parent_id LEFT JOIN users h ON h.id = d.head_id
        WHERE $1::varchar IS NULL OR d.code = $1 ORDER BY d.code`,
      [code ?? null],
    );
    return rows.map(({ parentCode, parentName, headId, headName, ...row }) => ({
      ...row, levelName: DEPARTMENT_LEVEL_NAMES[row.level], parent: parentCode && parentName ? { code: parentCode, name: parentName } : null,
      head: headId && headName ? { id: headId, name: headName } : null,
    }));
  }
}

/** A department's head must be an active member of its own staff. */
async function assertMayHead(tx: EntityManager, department: Department, userId: string): Promise<void> {
  const [serving] = await tx.query(
    `SELECT 1 FROM users u JOIN staff_departments s ON s.user_id = u.id
      WHERE u.id = $1 AND s.department_id = $2 AND u.disabled_at IS NULL AND u.kind IS NULL`,
    [userId, department.id],
  );
  if (serving) return;
  throw new AppError(422, 'DEPARTMENT_HEAD_NOT_STAFF', {
    zh: `部门负责人须为${department.name}在职的工作人员`,
    en: `The head of ${department.code} must be an active member of its staff`,
  }, { fields: [{ field: 'headId', problems: [`headId must be the id of an active member of staff of ${department.code}`] }] });
}
