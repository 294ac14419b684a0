/** The menu each kind of user sees: one entry per page they may use, in the order of their work. */
export type Role = 'applicant' | 'window_staff' | 'reviewer' | 'decider' | 'supervisor' | 'process_designer' | 'administrator';

export interface MenuEntry {
  path: string;
  /** A key of the messages in i18n/messages.ts. */
  label: string;
}

const PUBLIC: MenuEntry[] = [{ path: '/', label: 'menu.matters' }];

const BY_ROLE: Record<Role, MenuEntry[]> = {
  applicant: [{ path: '/my/cases', label: 'menu.myCases' }],
  window_staff: [{ path: '/work/tasks', label: 'menu.tasks' }, { path: '/work/walk-in', label: 'menu.walkIn' }],
  reviewer: [{ path: '/work/tasks', label: 'menu.tasks' }],
  decider: [{ path: '/work/tasks', label: 'menu.tasks' }],
  supervisor: [
    { path: '/supervision/board', label: 'menu.board' },
    { path: '/supervision/incidents', label: 'menu.incidents' },
    { path: '/supervision/statistics', label: 'menu.statistics' },
  ],
  process_designer: [{ path: '/design/processes', label: 'menu.processes' }],
  administrator: [
    { path: '/admin/departments', label: 'menu.departments' },
    { path: '/admin/matters', label: 'menu.matterAdmin' },
    { path: '/admin/staff', label: 'menu.staff' },
    { path: '/admin/calendar', label: 'menu.calendar' },
    { path: '/supervision/statistics', label: 'menu.statistics' },
  ],
};

/** 我要问: applicants write; the staff of a department (supervisors: every complaint too) answer. After each role's work. */
const ASKED: MenuEntry = { path: '/work/consultations', label: 'menu.receivedConsultations' };
const CONSULTATIONS: Partial<Record<Role, MenuEntry[]>> = {
  applicant: [{ path: '/my/consultations', label: 'menu.myConsultations' }],
  window_staff: [ASKED],
  reviewer: [ASKED],
  decider: [ASKED],
  supervisor: [ASKED],
};

/** The public pages, then each role's, without repeating a page two roles share. */
export function menuFor(roles: readonly Role[]): MenuEntry[] {
  const entries = [...PUBLIC, ...roles.flatMap((role) => BY_ROLE[role] ?? []), ...roles.flatMap((role) => CONSULTATIONS[role] ?? [])];
  return entries.filter((entry, index) => entries.findIndex((other) => other.path === entry.path) === index);
}

/** Where a user lands after logging in: their first page of work. */
export function homeFor(roles: readonly Role[]): string {
  const own = roles.flatMap((role) => BY_ROLE[role] ?? []);
  return own[0]?.path ?? '/';
}
