import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { projectRoot } from '../common/project-root.js';
import { CompiledProcess, compileProcess } from './engine/compiled-process.js';
import { ProcessDefinition } from './process-definition.entity.js';
import { ProcessValidator } from './process-validator.service.js';

const processNotInstalled = (key: string) =>
  new AppError(404, 'PROCESS_NOT_FOUND', { zh: `流程 ${key} 不存在`, en: `Process ${key} does not exist` });

type NewVersion = Pick<ProcessDefinition, 'key' | 'name' | 'kind' | 'xml' | 'source' | 'uploadedBy' | 'uploadedByName'>;

/** Versions of BPMN processes: those shipped in `workflows/` and those designers upload, which one is active, and their compiled forms. */
@Injectable()
export class ProcessDefinitionService {
  private readonly logger = new Logger(ProcessDefinitionService.name);
  private readonly compiled = new Map<string, Promise<CompiledProcess>>();

  constructor(
    @InjectRepository(ProcessDefinition) private readonly definitions: Repository<ProcessDefinition>,
    private readonly validator: ProcessValidator,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Installs each shipped workflow whose content is new as the next version of its process. It becomes the
   * active one unless a designer's upload is: a product upgrade must not undo a designer's choice.
   */
  async installShipped(folder = path.join(projectRoot(), 'workflows')): Promise<void> {
    const files = (await readdir(folder)).filter((file) => file.endsWith('.bpmn')).sort();
    for (const file of files) {
      const xml = await readFile(path.join(folder, file), 'utf8');
      const checked = await this.validator.check(xml, { ofThisCentre: false });
      if (!checked.valid) throw new Error(`workflows/${file} is not a valid process: ${JSON.stringify(checked.problems)}`);
      await this.definitions.manager.transaction(async (tx) => {
        const version = await insertVersion(tx, { ...checked.identity, xml, source: 'shipped', uploadedBy: null, uploadedByName: null });
        if (!version) return;
        this.logger.log(`installed process ${version.key} version ${version.version}`);
        const active = await tx.findOneBy(ProcessDefinition, { key: version.key, active: true });
        if (!active || active.source === 'shipped') await activateIn(tx, version);
      });
    }
  }

  /** Checks an uploaded file and keeps it as the next version of the process it defines (422 listing every problem otherwise). */
  async upload(actor: Actor, body: Buffer, activate: boolean): Promise<ProcessVersion> {
    const checked = await this.validator.check(body, { ofThisCentre: true });
    if (!checked.valid) {
      throw new AppError(422, 'BPMN_INVALID', { zh: 'BPMN 文件未通过校验', en: 'The BPMN file failed validation' }, { problems: checked.problems });
    }
    const xml = body.toString('utf8');
    return this.definitions.manager.transaction(async (tx) => {
      const version = await insertVersion(tx, { ...checked.identity, xml, source: 'upload', uploadedBy: actor.id, uploadedByName: actor.displayName });
      if (!version) throw await sameContent(tx, checked.identity.key, xml);
      if (activate) await activateIn(tx, version);
      await this.trail(tx, actor, 'process.upload', { key: version.key, version: version.version, activated: activate });
      return describe(version);
    });
  }

  /** Makes one version the one new cases take; running cases stay on theirs. */
  async activate(actor: Actor, key: string, version: number): Promise<ProcessVersion> {
    return this.definitions.manager.transaction(async (tx) => {
      const chosen = await tx.findOneBy(ProcessDefinition, { key, version });
      if (!chosen) throw versionNotFound(key, version);
      await activateIn(tx, chosen);
      await this.trail(tx, actor, 'process.activate', { key, version });
      return describe(chosen);
    });
  }

  async active(key: string): Promise<ProcessDefinition> {
    const definition = await this.definitions.findOneBy({ key, active: true });
    if (!definition) {
      throw new AppError(409, 'PROCESS_NOT_INSTALLED', { zh: `流程 ${key} 尚未安装`, en: `Process ${key} is not installed` });
    }
    return definition;
  }

  /** Every process with its active version and how many versions it has. */
  async list() {
    const rows: { key: string; versions: string }[] = await this.definitions.query(
      `SELECT key, count(*) AS versions FROM process_definitions GROUP BY key ORDER BY key`,
    );
    const active = await this.definitions.find({ where: { active: true } });
    const byKey = new Map(active.map((definition) => [definition.key, definition]));
    return rows.map((row) => ({ key: row.key, versions: Number(row.versions), active: byKey.get(row.key) && describe(byKey.get(row.key)!) }));
  }

  async versions(key: string) {
    const versions = await this.definitions.find({ where: { key }, order: { version: 'DESC' } });
    if (!versions.length) throw processNotInstalled(key);
    return versions.map(describe);
  }

  async version(key: string, version: number): Promise<ProcessDefinition> {
    const definition = await this.definitions.findOneBy({ key, version });
    if (!definition) throw versionNotFound(key, version);
    return definition;
  }

  byId(id: string): Promise<ProcessDefinition> {
    return this.definitions.findOneByOrFail({ id });
  }

  async exists(key: string): Promise<boolean> {
    return this.definitions.existsBy({ key });
  }

  /**
   * The compiled process of one version; compiled once per process and kept. Inside a transaction pass its
   * manager: the embedded database has one session, so a read on another connection would wait for the
   * transaction forever.
   */
  compile(definitionId: string, manager: EntityManager = this.definitions.manager): Promise<CompiledProcess> {
    let compiled = this.compiled.get(definitionId);
    if (!compiled) {
      compiled = manager.findOneByOrFail(ProcessDefinition, { id: definitionId }).then((definition) => compileProcess(definition.id, definition.xml));
      compiled.catch(() => this.compiled.delete(definitionId));
      this.compiled.set(definitionId, compiled);
    }
    return compiled;
  }

  private trail(tx: EntityManager, actor: Actor, action: string, details: object): Promise<void> {
    return this.audit.append(tx, {
      caseId: null, action, actorId: actor.id, actorName: actor.displayName, actorRole: 'process_designer',
      stageFrom: null, stageTo: null, comment: null, commandId: null, details, at: this.clock.now(),
    });
  }
}

const sha256Of = (xml: string) => createHash('sha256').update(xml).digest('hex');

const versionNotFound = (key: string, version: number) =>
  new AppError(404, 'PROCESS_VERSION_NOT_FOUND', { zh: `流程 ${key} 没有第 ${version} 版`, en: `Process ${key} has no version ${version}` });

export type ProcessVersion = ReturnType<typeof describe>;

/** A version as designers list it: everything but the XML, which is downloaded on its own. */
function describe(definition: ProcessDefinition) {
  const { id, key, version, name, kind, sha256, source, uploadedBy, uploadedByName, active, createdAt } = definition;
  return { id, key, version, name, kind, sha256, source, uploadedBy: uploadedBy && { id: uploadedBy, name: uploadedByName }, active, createdAt };
}

/** The next version, or null when this process already has a version with the same content. */
async function insertVersion(tx: EntityManager, version: NewVersion): Promise<ProcessDefinition | null> {
  const sha256 = sha256Of(version.xml);
  // Concurrent boots or uploads race for the next number: the unique constraints keep one row, and the
  // other insert, which did nothing, tries the number after.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [inserted] = await tx.query(
      `INSERT INTO process_definitions (key, version, name, kind, xml, sha256, source, uploaded_by, uploaded_by_name, active)
       SELECT $1::varchar, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, false FROM process_definitions WHERE key = $1::varchar
       ON CONFLICT DO NOTHING RETURNING id`,
      [version.key, version.name, version.kind, version.xml, sha256, version.source, version.uploadedBy, version.uploadedByName],
    );
    if (inserted) return tx.findOneByOrFail(ProcessDefinition, { id: inserted.id });
    if (await tx.existsBy(ProcessDefinition, { key: version.key, sha256 })) return null;
  }
  throw new AppError(409, 'PROCESS_UPLOAD_CONFLICT', {
    zh: `流程 ${version.key} 正有其他版本同时上传，请稍后重试`,
    en: `Other versions of ${version.key} are being uploaded at the same moment; try again shortly`,
  });
}

async function activateIn(tx: EntityManager, chosen: ProcessDefinition): Promise<void> {
  await tx.update(ProcessDefinition, { key: chosen.key, active: true }, { active: false });
  await tx.update(ProcessDefinition, { id: chosen.id }, { active: true });
  chosen.active = true;
}

async function sameContent(tx: EntityManager, key: string, xml: string): Promise<AppError> {
  const same = await tx.findOneByOrFail(ProcessDefinition, { key, sha256: sha256Of(xml) });
  return new AppError(409, 'PROCESS_VERSION_EXISTS', {
    zh: `该文件与流程 ${same.key} 的第 ${same.version} 版完全相同`,
    en: `This file is identical to version ${same.version} of ${same.key}`,
  }, { key: same.key, version: same.version });
}
