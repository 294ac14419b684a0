import BpmnModdle from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { ProcessKind, tongbanModdlePackage } from './tongban-moddle.js';

/** A process definition parsed once and kept: parsing is a fifth of a step's cost. */
export interface CompiledProcess {
  definitionId: string;
  /** The executable process's id, which names the process across its versions. */
  key: string;
  name: string;
  kind: ProcessKind;
  sourceContext: unknown;
  /** Element id → its name, for stages and timelines. */
  elementNames: ReadonlyMap<string, string>;
}

interface ModdleElement {
  $type: string;
  id: string;
  name?: string;
  isExecutable?: boolean;
  kind?: ProcessKind;
}

export async function compileProcess(definitionId: string, xml: string): Promise<CompiledProcess> {
  const moddle = new BpmnModdle({ tongban: tongbanModdlePackage });
  const context = await moddle.fromXML(xml);
  const sourceContext = serializer(context, TypeResolver(elements));
  const all = Object.values(context.elementsById as Record<string, ModdleElement>);
  const process = all.find((element) => element.$type === 'bpmn:Process' && element.isExecutable) ?? all.find((element) => element.$type === 'bpmn:Process');
  const elementNames = new Map(all.map((element) => [element.id, element.name ?? element.id]));
  return { definitionId, key: process?.id ?? '', name: process?.name ?? process?.id ?? '', kind: process?.kind ?? 'standard', sourceContext, elementNames };
}
