import { api } from './http.js';
import { unique } from './identities.js';
import { type Client, type Deployment, loginAs } from './tongban.js';

export const STAFF_PASSWORD = 'Counter-Desk-2026';

export interface NewStaff {
  id: string;
  username: string;
  client: Client;
}

/** Creates a staff account as the given administrator and sets its password with the setup token, as the person would; logs them in. */
export async function newStaff(deployment: Deployment, admin: Client, roles: string[], departmentCodes: string[]): Promise<NewStaff> {
  const username = `staff-${unique()}`;
  const created = await admin.post('/api/admin/staff', { username, displayName: '工作人员 李娜', roles, departmentCodes });
  if (created.status !== 201) throw new Error(`staff account refused: ${created.status} ${JSON.stringify(created.body)}`);
  const set = await api(deployment.baseUrl).post('/api/identity/password-setup', { token: created.body.passwordSetup.token, newPassword: STAFF_PASSWORD });
  if (set.status !== 204) throw new Error(`password setup refused: ${set.status} ${JSON.stringify(set.body)}`);
  return { id: created.body.id, username, client: await loginAs(deployment, username, STAFF_PASSWORD) };
}
