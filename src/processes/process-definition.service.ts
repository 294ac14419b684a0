import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { EntityManager, Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { projectRoot } from '../common/project-root.js';
import { CompiledProcess, compileProcess } from './engine/compiled-process.js';
import { ProcessDefinition } from './process-definition.entity.js';

/** Versions of BPMN processes: the ones shipped in `workflows/`, installed at boot, and their compiled forms. */
@Injectable()
export class ProcessDefinitionService {
  private readonly logger = new Logger(ProcessDefinitionService.name);
  private readonly compiled = new Map<string, Promise<CompiledProcess>>();

  constructor(@InjectRepository(ProcessDefinition) private readonly definitions: Repository<ProcessDefinition>) {}

  /** Installs each shipped workflow whose content is new as the next version of its process. */
  async installShipped(folder = path.join(projectRoot(), 'workflows')): Promise<void> {
    const files = (await readdir(folder)).filter((file) => file.endsWith('.bpmn')).sort();
    for (const file of files) {
      const xml = await readFile(path.join(folder, file), 'utf8');
      const process = await compileProcess('shipped', xml);
      await this.install(process.key, process.elementNames.get(process.key) ?? process.key, xml);
    }
  }

  async latest(key: string): Promise<ProcessDefinition> {
    const definition = await this.definitions.findOne({ where: { key }, order: { version: 'DESC' } });
    if (!definition) {
      throw new AppError(409, 'PROCESS_NOT_INSTALLED', { zh: `流程 ${key} 尚未安装`, en: `Process ${key} is not installed` });
    }
    return definition;
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

  private async install(key: string, name: string, xml: string): Promise<void> {
    const sha256 = createHash('sha256').update(xml).digest('hex');
    // Concurrent boots may both try: the unique constraints keep one row, the other insert does nothing.
    const inserted = await this.definitions.query(
      `INSERT INTO process_definitions (key, version, name, xml, sha256)
       SELECT $1::varchar, COALESCE(MAX(version), 0) + 1, $2, $3, $4 FROM process_definitions WHERE key = $1::varchar
       ON CONFLICT DO NOTHING RETURNING version`,
      [key, name, xml, sha256],
    );
    if (inserted.length) this.logger.log(`installed process ${key} version ${inserted[0].version}`);
  }
}
