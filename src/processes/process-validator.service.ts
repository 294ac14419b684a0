import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compileProcess } from './engine/compiled-process.js';
import { ProcessKind } from './engine/tongban-moddle.js';
import { SERVICE_HANDLERS } from './service-tasks/service-handler-names.js';
import { BpmnProblem, validateBpmn } from './validation/validate-bpmn.js';

export type ProcessCheck =
  | { valid: true; identity: { key: string; name: string; kind: ProcessKind } }
  | { valid: false; problems: BpmnProblem[] };

/**
 * Checks a BPMN file against the rules and against the platform's handlers; an upload also against this
 * centre's departments. Shipped processes skip that last check: a centre without one of their
 * co-departments must still boot, and its designers then upload their own version.
 */
@Injectable()
export class ProcessValidator {
  constructor(private readonly dataSource: DataSource) {}

  async check(xml: Buffer | string, { ofThisCentre }: { ofThisCentre: boolean }): Promise<ProcessCheck> {
    const departments = ofThisCentre ? await this.departmentCodes() : undefined;
    const problems = await validateBpmn(xml, { handlers: SERVICE_HANDLERS, departments });
    if (problems.length) return { valid: false, problems };
    const { key, name, kind } = await compileProcess('validation', xml.toString());
    return { valid: true, identity: { key, name, kind } };
  }

  private async departmentCodes(): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(`SELECT code FROM departments`);
    return rows.map((row) => row.code);
  }
}
