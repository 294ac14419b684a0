import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { Department } from '../catalog/department.entity.js';
import { Matter } from '../catalog/matter.entity.js';
import { RequiredMaterial } from '../catalog/required-material.entity.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PasswordHasher } from '../identity/password-hasher.js';
import { User } from '../identity/user.entity.js';
import { DEMO_DEPARTMENTS, DEMO_STAFF, DEMO_WARNING_WORKING_DAYS } from './demo-centre.js';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  roles: string[];
}

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

/** Seeds the demo service centre into an empty database; staff passwords are random, shown once and kept in a 0600 file. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(Department).count()) === 0;
  }

  /** Returns the accounts created and the file they were written to. */
  async seed(): Promise<{ accounts: DemoAccount[]; file: string }> {
    const accounts = DEMO_STAFF.map((staff) => ({ ...staff, password: randomBytes(12).toString('base64url') }));
    const hashes = await Promise.all(accounts.map((account) => this.hasher.hash(account.password)));
    await this.dataSource.transaction(async (tx) => {
      const departments = await seedCatalogue(tx);
      await tx.insert(
        User,
        accounts.map((account, i) => ({
          username: account.username,
          displayName: account.displayName,
          passwordHash: hashes[i],
          roles: account.roles,
          departmentId: departments.get(account.departmentCode)!,
        })),
      );
    });
    const result = accounts.map(({ username, password, displayName, roles }) => ({ username, password, displayName, roles }));
    const file = path.join(this.config.dataDir, DEMO_ACCOUNTS_FILE);
    await mkdir(this.config.dataDir, { recursive: true });
    await writeFile(file, JSON.stringify({ accounts: result }, null, 2) + '\n', { mode: 0o600 });
    return { accounts: result, file };
  }
}

async function seedCatalogue(tx: EntityManager): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const department of DEMO_DEPARTMENTS) {
    const { identifiers } = await tx.insert(Department, { code: department.code, name: department.name });
    const departmentId = identifiers[0].id as string;
    ids.set(department.code, departmentId);
    for (const { materials, ...matter } of department.matters) {
      const inserted = await tx.insert(Matter, { ...matter, departmentId, warningWorkingDays: DEMO_WARNING_WORKING_DAYS, limitUnit: 'working_days' });
      const matterId = inserted.identifiers[0].id as string;
      await tx.insert(RequiredMaterial, materials.map((item, position) => ({ ...item, matterId, position })));
    }
  }
  return ids;
}

export function printAccounts(accounts: DemoAccount[], file: string): void {
  const lines = accounts.map((a) => `  ${a.username.padEnd(12)} ${a.password}  ${a.roles.join(',')}  ${a.displayName}`);
  console.log(
    [
      '',
      '演示账号已创建（仅显示一次）Demo staff accounts created (shown once):',
      ...lines,
      `已保存到 Saved to ${file} (mode 0600)`,
      '',
    ].join('\n'),
  );
}
