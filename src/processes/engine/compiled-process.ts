import BpmnModdle from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { tongbanModdlePackage } from './tongban-moddle.js';

/** A process definition parsed once and kept: parsing is a fifth of a step's cost. */
export interface CompiledProcess {
  definitionId: string;
  key: string;
  sourceContext: unknown;
  /** Element id → its name, for stages and timelines. */
  elementNames: ReadonlyMap<string, string>;
}

export async function compileProcess(definitionId: string, xml: string): Promise<CompiledProcess> {
  const moddle = new BpmnModdle({ tongban: tongbanModdlePackage });
  const context = await moddle.fromXML(xml);
  const sourceContext = serializer(context, TypeResolver(elements));
  const elementNames = new Map<string, string>();
  let key = '';
  for (const [id, element] of Object.entries(context.elementsById as Record<string, { $type: string; name?: string }>)) {
    elementNames.set(id, element.name ?? id);
    if (element.$type === 'bpmn:Process' && !key) key = id;
  }
  return { definitionId, key, sourceContext, elementNames };
}
