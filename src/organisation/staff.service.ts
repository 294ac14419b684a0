import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { TaskClaimsService } from '../cases/task-claims.service.js';
import { Department } from '../catalog/department.entity.js';
import type { Actor } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { changesOf } from '../common/changes.js';
import { Clock } from '../common/clock.js';
import { actorOf } from '../identity/actors.js';
import { fieldsRefused } from '../identity/identity-errors.js';
import { administratorActor, IdentityAudit } from '../identity/identity-audit.js';
import { insertOrTranslate } from '../identity/identity.service.js';
import { PasswordResetService, type SetupToken } from '../identity/password-reset.service.js';
import { Session } from '../identity/session.entity.js';
import { type Role, User } from '../identity/user.entity.js';
import { StaffDepartment } from './staff-department.entity.js';
import { CreateStaffDto, StaffQueryDto, type StaffStatus, UpdateStaffDto } from './staff.dto.js';

export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentCodes: string[];
  mobile: string | null;
  email: string | null;
  status: StaffStatus;
  createdAt: Date;
  passwordChangedAt: Date | null;
  disabledAt: Date | null;
}

const STAFF = { zh: '工作人员账户', en: 'Staff account' };

/** Roles whose tasks belong to a department: whoever holds one must serve at least one department. */
const DEPARTMENT_ROLES: readonly Role[] = ['window_staff', 'reviewer', 'decider'];

// A staff account: created by the centre (no applicant kind), holding no applicant role.
const IS_STAFF = `u.kind IS NULL AND NOT ('applicant' = ANY(u.roles))`;

// An administrator cannot lock themselves out: another one must do it.
const ownAccount = (zh: string, en: string) => new AppError(409, 'OWN_ACCOUNT', { zh: `${zh}，请另一位系统管理员操作`, en: `${en}: ask another administrator` });

/**
 * Staff accounts as administrators keep them: created without a password (the person sets it with a one-time
 * token), their roles and departments changed, disabled and enabled again. Each change is one transaction with
 * its entry in the identity trail (`identity.staff_*`, on the person's security log). A change that takes away
 * what a claimed task needs, or disabling, releases that task for colleagues; disabling also ends the sessions.
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly resets: PasswordResetService,
    private readonly audit: IdentityAudit,
    private readonly claims: TaskClaimsService,
    private readonly clock: Clock,
  ) {}

  async list(query: StaffQueryDto): Promise<{ total: number; items: StaffView[] }> {
    const filters = `${IS_STAFF}
      AND ($1::varchar IS NULL OR EXISTS (SELECT 1 FROM staff_departments s JOIN departments d ON d.id = s.department_id WHERE s.user_id = u.id AND d.code = $1))
      AND ($2::varchar IS NULL OR $2 = ANY(u.roles))
      AND ($3::varchar IS NULL OR ${STATUS} = $3)`;
    const params = [query.department ?? null, query.role ?? null, query.status ?? null];
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM users u WHERE ${filters}`, params);
    const items = await this.views(this.dataSource.manager, `${filters} ORDER BY u.username LIMIT $4 OFFSET $5`, [...params, query.limit, query.offset]);
    return { total, items };
  }

  async get(id: string, db: EntityManager = this.dataSource.manager): Promise<StaffView> {
    const [view] = await this.views(db, `${IS_STAFF} AND u.id = $1`, [id]);
    if (!view) throw notFound(STAFF, 'STAFF_NOT_FOUND');
    return view;
  }

  /** Creates the account without a password; the answer carries the setup token (72 hours, once), also sent to the mobile if given. */
  async create(admin: Actor, dto: CreateStaffDto): Promise<StaffView & { passwordSetup: SetupToken }> {
    const { user, setup } = await this.dataSource.transaction(async (tx) => {
      const departmentIds = await departmentIdsFor(tx, dto.roles, dto.departmentCodes);
      const user = await insertOrTranslate(
        tx.save(tx.create(User, {
          username: dto.username, displayName: dto.displayName, passwordHash: null, roles: dto.roles, kind: null,
          mobile: dto.mobile ?? null, email: dto.email ?? null, disabledAt: null,
        })),
        dto.username,
      );
      await setDepartments(tx, user.id, departmentIds);
      const setup = await this.resets.issueSetupToken(tx, user);
      await this.audit.record(tx, 'staff_created', administratorActor(admin), {
        username: user.username, userId: user.id, roles: user.roles, departmentCodes: dto.departmentCodes, setupTokenExpiresAt: setup.expiresAt.toISOString(),
      });
      return { user, setup };
    });
    this.resets.sendSetupToken(user, setup);
    return { ...(await this.get(user.id)), passwordSetup: setup };
  }

  /** Changes the fields given; roles and departments count from the person's next request. */
  async update(admin: Actor, id: string, dto: UpdateStaffDto): Promise<StaffView> {
    await this.dataSource.transaction(async (tx) => {
      const { user, before } = await this.locked(tx, id);
      const after = {
        displayName: dto.displayName ?? before.displayName,
        roles: dto.roles ?? before.roles,
        departmentCodes: dto.departmentCodes ? [...dto.departmentCodes].sort() : before.departmentCodes,
        mobile: dto.mobile === undefined ? before.mobile : dto.mobile,
        email: dto.email === undefined ? before.email : dto.email,
      };
      if (id === admin.id && !after.roles.includes('administrator')) {
        throw ownAccount('不能取消自己的系统管理员角色', 'You cannot take the administrator role away from your own account');
      }
      const departmentIds = await departmentIdsFor(tx, after.roles, after.departmentCodes);
      const changes = changesOf(before, after);
      if (Object.keys(changes).length === 0) return;
      const { departmentCodes: _, ...columns } = after;
      await tx.update(User, { id }, columns);
      if (changes.departmentCodes) await setDepartments(tx, id, departmentIds);
      const now = await actorOf(tx, { ...user, ...columns });
      const tasksReleased = await this.claims.releaseUnfit(tx, id, now, admin, '管理员调整了该工作人员的角色或部门 An administrator changed the roles or departments of the holder');
      await this.audit.record(tx, 'staff_updated', administratorActor(admin), { username: user.username, userId: id, changes, tasksReleased });
    });
    return this.get(id);
  }

  /** Disables the account: it cannot log in, its sessions end at once, and the tasks it claimed go back to its colleagues. */
  async disable(admin: Actor, id: string, reason: string): Promise<StaffView> {
    if (id === admin.id) throw ownAccount('不能停用自己的账户', 'You cannot disable your own account');
    await this.dataSource.transaction(async (tx) => {
      const { user } = await this.locked(tx, id);
      if (user.disabledAt) return;
      await tx.update(User, { id }, { disabledAt: this.clock.now() });
      const ended = await tx.delete(Session, { userId: id });
      const tasksReleased = await this.claims.releaseUnfit(tx, id, null, admin, `账户已停用 The holder's account was disabled: ${reason}`);
      await this.audit.record(tx, 'staff_disabled', administratorActor(admin), { username: user.username, userId: id, reason, sessionsEnded: ended.affected ?? 0, tasksReleased });
    });
    return this.get(id);
  }

  async enable(admin: Actor, id: string): Promise<StaffView> {
    await this.dataSource.transaction(async (tx) => {
      const { user } = await this.locked(tx, id);
      if (!user.disabledAt) return;
      await tx.update(User, { id }, { disabledAt: null });
      await this.audit.record(tx, 'staff_enabled', administratorActor(admin), { username: user.username, userId: id });
    });
    return this.get(id);
  }

  /**
   * A new setup token for an account whose password was never set (the first one expired or went astray); any
   * earlier one stops working. An account in use is not given one: its holder resets their own password.
   */
  async newSetupToken(admin: Actor, id: string): Promise<SetupToken> {
    const { user, setup } = await this.dataSource.transaction(async (tx) => {
      const { user } = await this.locked(tx, id);
      if (user.passwordHash) {
        throw new AppError(409, 'PASSWORD_ALREADY_SET', {
          zh: '该工作人员已设置密码；忘记密码可自行通过“忘记密码”重置',
          en: 'This member of staff has set a password already: a forgotten one they reset themselves',
        });
      }
      if (user.disabledAt) throw new AppError(409, 'STAFF_DISABLED', { zh: '该账户已停用，请先启用', en: 'This account is disabled: enable it first' });
      const setup = await this.resets.issueSetupToken(tx, user);
      await this.audit.record(tx, 'staff_setup_token_issued', administratorActor(admin), { username: user.username, userId: id, setupTokenExpiresAt: setup.expiresAt.toISOString() });
      return { user, setup };
    });
    this.resets.sendSetupToken(user, setup);
    return setup;
  }

  /** The account, locked for the change, and its fields as an administrator edits them. */
  private async locked(tx: EntityManager, id: string) {
    const user = await tx.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const before = await this.get(id, tx);
    const { displayName, roles, departmentCodes, mobile, email } = before;
    return { user: user!, before: { displayName, roles, departmentCodes, mobile, email } };
  }

  private views(db: EntityManager, where: string, params: unknown[]): Promise<StaffView[]> {
    return db.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.roles,
              array(SELECT d.code FROM staff_departments s JOIN departments d ON d.id = s.department_id WHERE s.user_id = u.id ORDER BY d.code)::text[] AS "departmentCodes",
              u.mobile, u.email, ${STATUS} AS status, u.created_at AS "createdAt", u.password_changed_at AS "passwordChangedAt", u.disabled_at AS "disabledAt"
         FROM users u WHERE ${where}`,
      params,
    );
  }
}

const STATUS = `CASE WHEN u.disabled_at IS NOT NULL THEN 'disabled' WHEN u.password_hash IS NULL THEN 'pending' ELSE 'active' END`;

/** The ids of the departments named, checked: each exists, and roles that act on a department's cases have one. */
async function departmentIdsFor(tx: EntityManager, roles: Role[], codes: string[]): Promise<string[]> {
  const found = codes.length === 0 ? [] : await tx.findBy(Department, { code: In(codes) });
  const unknown = codes.filter((code) => !found.some((department) => department.code === code));
  const problems: string[] = [];
  if (unknown.length > 0) problems.push(`departmentCodes names no department with the code ${unknown.join(', ')}`);
  const needing = roles.filter((role) => DEPARTMENT_ROLES.includes(role));
  if (codes.length === 0 && needing.length > 0) {
    problems.push(`departmentCodes must name at least one department for the role ${needing.join(', ')}, whose tasks belong to a department`);
  }
  if (problems.length > 0) throw fieldsRefused([{ field: 'departmentCodes', problems }]);
  return found.map((department) => department.id);
}

async function setDepartments(tx: EntityManager, userId: string, departmentIds: string[]): Promise<void> {
  await tx.delete(StaffDepartment, { userId });
  if (departmentIds.length > 0) await tx.insert(StaffDepartment, departmentIds.map((departmentId) => ({ userId, departmentId })));
}
