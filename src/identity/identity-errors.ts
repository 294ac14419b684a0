import { AppError } from '../common/app-error.js';
import type { FieldProblem } from '../common/validation.js';

/** The project's 400 VALIDATION_FAILED, for what only the service can see (a birth date after today, a wrong current password). */
export const fieldsRefused = (fields: FieldProblem[]) =>
  new AppError(400, 'VALIDATION_FAILED', { zh: '请求内容未通过校验', en: 'The request failed validation' }, { fields });

export const fieldRefused = (field: string, problem: string) => fieldsRefused([{ field, problems: [`${field} ${problem}`] }]);

/** "2026-12-09 09:15" in Beijing time: how a lock's end is told to the person. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export const accountLocked = (until: Date) =>
  new AppError(
    423,
    'ACCOUNT_LOCKED',
    {
      zh: `登录失败次数过多，账户已锁定至北京时间 ${beijingTime(until)}，届时可再试；也可以通过“忘记密码”重置密码`,
      en: `Too many failed logins: the account is locked until ${beijingTime(until)} Beijing time (UTC+8). Try again then, or reset the password`,
    },
    { lockedUntil: until.toISOString() },
  );

export const accountDisabled = () =>
  new AppError(403, 'ACCOUNT_DISABLED', {
    zh: '该账户已被停用，请联系系统管理员',
    en: 'This account has been disabled: ask an administrator',
  });

export const usernameTaken = (username: string) =>
  new AppError(409, 'USERNAME_TAKEN', { zh: `用户名 ${username} 已被注册`, en: `The username ${username} is already registered` }, {
    fields: [{ field: 'username', problems: [`username ${username} is already registered`] }],
  });

export const idDocumentRegistered = (field: string) =>
  new AppError(
    409,
    'ID_DOCUMENT_REGISTERED',
    {
      zh: '该证件已注册过个人账户，请使用原账户登录（忘记密码可以重置）',
      en: 'A personal account is already registered with this ID document: log in with it (a forgotten password can be reset)',
    },
    { fields: [{ field, problems: [`${field} is already registered to another personal account`] }] },
  );

export const organisationRegistered = () =>
  new AppError(
    409,
    'ORGANISATION_REGISTERED',
    {
      zh: '该统一社会信用代码已注册，请联系本单位的管理员邀请您加入',
      en: 'An organisation with this unified social credit code is already registered: ask its administrator to invite you',
    },
    { fields: [{ field: 'creditCode', problems: ['creditCode is already registered by an organisation'] }] },
  );

export const notOrganisationAdministrator = () =>
  new AppError(403, 'ORGANISATION_ADMINISTRATOR_ONLY', {
    zh: '只有单位管理员（注册单位的账户）可以执行此操作',
    en: 'Only the organisation’s administrator (the account that registered it) may do this',
  });

export const notInOrganisation = () =>
  new AppError(404, 'NOT_IN_ORGANISATION', { zh: '您的账户不属于任何单位', en: 'Your account does not belong to an organisation' });

/** The constraint a unique violation broke, if it was one. */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  return code === '23505' ? (e.constraint ?? e.driverError?.constraint ?? 'unknown') : null;
}
