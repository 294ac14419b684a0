import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { Department } from '../catalog/department.entity.js';
import { MaterialTemplate } from '../catalog/material-template.entity.js';
import { MaterialTemplatesService, type StoredTemplateFile } from '../catalog/material-templates.service.js';
import { Matter } from '../catalog/matter.entity.js';
import { RequiredMaterial } from '../catalog/required-material.entity.js';
import { projectRoot } from '../common/project-root.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PasswordHasher } from '../identity/password-hasher.js';
import { User } from '../identity/user.entity.js';
import { StaffDepartment } from '../organisation/staff-department.entity.js';
import { DEMO_DEPARTMENTS, DEMO_STAFF, DEMO_WARNING_WORKING_DAYS, type DemoMaterial } from './demo-centre.js';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  roles: string[];
}

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

/** The demo centre's blank forms, committed with the code (forms/README.md says how they were made). */
export const DEMO_FORMS_FOLDER = path.join(projectRoot(), 'forms', 'demo');

const CONTENT_TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

/** The template files stored for the demo centre, by file name. */
type StoredForms = Map<string, StoredTemplateFile>;

/** Seeds the demo service centre into an empty database; staff passwords are random, shown once and kept in a 0600 file. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly templates: MaterialTemplatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(Department).count()) === 0;
  }

  /** Returns the accounts created and the file they were written to. */
  async seed(): Promise<{ accounts: DemoAccount[]; file: string }> {
    const accounts = DEMO_STAFF.map((staff) => ({ ...staff, password: randomBytes(12).toString('base64url') }));
    const hashes = await Promise.all(accounts.map((account) => this.hasher.hash(account.password)));
    // Files go to storage first, since a transaction cannot hold them; they are removed again if it fails.
    const forms = await this.storeForms();
    try {
      await this.dataSource.transaction(async (tx) => {
        const departments = await seedCatalogue(tx, forms);
        const users = await tx.insert(
          User,
          accounts.map((account, i) => ({ username: account.username, displayName: account.displayName, passwordHash: hashes[i], roles: account.roles })),
        );
        const served = accounts.flatMap((account, i) =>
          account.departmentCodes.map((code) => ({ userId: users.identifiers[i].id as string, departmentId: departments.get(code)! })),
        );
        await tx.insert(StaffDepartment, served);
      });
    } catch (error) {
      await Promise.allSettled([...forms.values()].map((file) => this.templates.discard(file)));
      throw error;
    }
    const result = accounts.map(({ username, password, displayName, roles }) => ({ username, password, displayName, roles }));
    const file = path.join(this.config.dataDir, DEMO_ACCOUNTS_FILE);
    await mkdir(this.config.dataDir, { recursive: true });
    await writeFile(file, JSON.stringify({ accounts: result }, null, 2) + '\n', { mode: 0o600 });
    return { accounts: result, file };
  }

  private async storeForms(): Promise<StoredForms> {
    const names = DEMO_DEPARTMENTS.flatMap((d) => d.matters.flatMap((m) => m.materials.flatMap((item) => item.template ?? [])));
    const forms: StoredForms = new Map();
    for (const name of names) {
      const content = await readFile(path.join(DEMO_FORMS_FOLDER, name));
      forms.set(name, await this.templates.store(name, CONTENT_TYPES[path.extname(name)], content));
    }
    return forms;
  }
}

async function seedCatalogue(tx: EntityManager, forms: StoredForms): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const department of DEMO_DEPARTMENTS) {
    const { identifiers } = await tx.insert(Department, { code: department.code, name: department.name, level: department.level, parentId: null });
    const departmentId = identifiers[0].id as string;
    ids.set(department.code, departmentId);
    for (const { materials, ...matter } of department.matters) {
      const inserted = await tx.insert(Matter, { ...matter, departmentId, warningWorkingDays: DEMO_WARNING_WORKING_DAYS, limitUnit: 'working_days', status: 'published' });
      const matterId = inserted.identifiers[0].id as string;
      const items = await tx.insert(RequiredMaterial, materials.map(({ template: _, ...item }, position) => ({ ...item, matterId, position })));
      await insertTemplates(tx, materials, items.identifiers.map((row) => row.id as string), forms);
    }
  }
  return ids;
}

async function insertTemplates(tx: EntityManager, materials: DemoMaterial[], itemIds: string[], forms: StoredForms): Promise<void> {
  const rows = materials.flatMap((item, i) => (item.template ? [{ ...forms.get(item.template)!, requiredMaterialId: itemIds[i], uploadedBy: null }] : []));
  if (rows.length > 0) await tx.insert(MaterialTemplate, rows);
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
