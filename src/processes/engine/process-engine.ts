import { Injectable } from '@nestjs/common';
import { Engine } from 'bpmn-engine';
import { EventEmitter } from 'node:events';
import { CompiledProcess } from './compiled-process.js';
import { ActivityApi, noScripts, ServiceLedger, tongbanExtensions } from './engine-extensions.js';
import { ProcessEngineError } from './process-engine-error.js';
import { safeExpressions } from './safe-expressions.js';

export { ProcessEngineError };

export interface WaitingTask {
  elementId: string;
  name: string;
  role: string;
  actions: string[];
  /** The legal stages it stands for (tongban:stage). */
  stages: string[];
  /** Code of the department whose staff hold the task; null when any department's staff with the role may. */
  department: string | null;
  /** Its own time limit in working days from its opening (tongban:limit), if it has one. */
  limitDays: number | null;
}

export interface PendingService {
  elementId: string;
  name: string;
  handler: string;
}

export interface EngineStep {
  state: object;
  engineVersion: string;
  waiting: WaitingTask[];
  /** Service tasks the process waits on, whose handlers are still to run. */
  pendingServices: PendingService[];
  /** The end event reached, once the process has completed. */
  ended: { elementId: string; name: string } | null;
}

/** What moves a waiting process on: a user task completed with an action, or a service task's handler done. */
export type EngineSignal = { userTask: string; outcome: string } | { serviceTask: string; output: object };

const MAX_SETTLE_TICKS = 10_000;

// bpmn-engine's default logger creates a `debug` instance per activity on every step; ours logs nothing there.
const silent = { debug() {}, error() {}, warn() {} };
const SilentLogger = () => silent;

/**
 * Runs a case's process with bpmn-engine, one step at a time: every step starts from the saved state and
 * ends with the state to save. The process, not this code, decides which tasks wait next.
 */
@Injectable()
export class ProcessEngine {
  start(process: CompiledProcess, instanceName: string): Promise<EngineStep> {
    return this.step(process, instanceName, new Map(), (engine, listener) => engine.execute({ listener }));
  }

  advance(process: CompiledProcess, instanceName: string, state: object, signal: EngineSignal): Promise<EngineStep> {
    const serviceResults = new Map('serviceTask' in signal ? [[signal.serviceTask, signal.output]] : []);
    return this.step(process, instanceName, serviceResults, async (engine, listener) => {
      engine.recover(structuredClone(state));
      const execution = await engine.resume({ listener });
      if ('userTask' in signal) {
        const waiting = execution.getPostponed().some((api: { id: string; type: string }) => api.id === signal.userTask && api.type === 'bpmn:UserTask');
        if (!waiting) throw new ProcessEngineError(`task ${signal.userTask} is not waiting in the saved process state`);
        execution.signal({ id: signal.userTask, outcome: signal.outcome });
      }
      return execution;
    });
  }

  private async step(
    process: CompiledProcess,
    instanceName: string,
    serviceResults: ReadonlyMap<string, object>,
    drive: (engine: Engine, listener: EventEmitter) => Promise<{ getPostponed(): unknown[]; activityStatus: string }>,
  ): Promise<EngineStep> {
    const ledger: ServiceLedger = { results: serviceResults, pending: new Set(), delivered: new Set() };
    const engine = new Engine({
      name: instanceName,
      sourceContext: process.sourceContext as never,
      expressions: safeExpressions,
      scripts: noScripts as never,
      extensions: tongbanExtensions(ledger) as never,
      settings: { enableDummyService: false },
      Logger: SilentLogger,
    });
    const listener = new EventEmitter();
    let ended: EngineStep['ended'] = null;
    listener.on('activity.end', (api: ActivityApi) => {
      if (api.type === 'bpmn:EndEvent') ended = { elementId: api.id, name: api.name ?? process.elementNames.get(api.id) ?? api.id };
    });
    let failure: Error | undefined;
    engine.on('error', (error: Error) => (failure = error));

    const execution = await drive(engine, listener);
    await settle(execution, ledger.pending, () => failure);
    if (failure) throw new ProcessEngineError(failure.message);
    for (const elementId of ledger.results.keys()) {
      if (!ledger.delivered.has(elementId)) throw new ProcessEngineError(`service task ${elementId} is not waiting in the saved process state`);
    }

    const postponed = execution.getPostponed() as ActivityApi[];
    const waiting = postponed.filter((api) => api.type === 'bpmn:UserTask').map(toWaitingTask);
    const pendingServices = postponed.filter((api) => ledger.pending.has(api.id)).map(toPendingService);
    const state = (await engine.getState()) as unknown as { engineVersion: string; definitions: { source?: unknown }[] };
    // The source is supplied again from the definition at every step; keeping it would store 5 KB per save.
    for (const definition of state.definitions) delete definition.source;
    if (engine.state === 'running') await engine.stop();
    return { state, engineVersion: state.engineVersion, waiting, pendingServices, ended };
  }
}

/**
 * Lets the engine run until nothing moves: every activity still postponed waits for a person or for a handler.
 * A sequence flow may be postponed too, holding the news that a branch was not taken until its target, a
 * service task still waiting for its handler, can hear it. Checked twice in a row, as a token passing between
 * activities can leave the list briefly in that shape.
 */
async function settle(execution: { getPostponed(): unknown[]; activityStatus: string }, pending: Set<string>, failed: () => Error | undefined) {
  const waits = (api: ActivityApi) => api.type === 'bpmn:UserTask' || api.type === 'bpmn:SequenceFlow' || pending.has(api.id);
  const isIdle = () => execution.activityStatus !== 'executing' || (execution.getPostponed() as ActivityApi[]).every(waits);
  let idleTicks = 0;
  for (let tick = 0; idleTicks < 2 && !failed(); tick++) {
    if (tick > MAX_SETTLE_TICKS) throw new ProcessEngineError('the process did not settle');
    idleTicks = isIdle() ? idleTicks + 1 : 0;
    if (idleTicks < 2) await new Promise((resolve) => setImmediate(resolve));
  }
}

function toWaitingTask(api: ActivityApi): WaitingTask {
  const { name, role, actions, stage, department, limit } = api.owner.behaviour;
  if (!role || !actions) throw new ProcessEngineError(`user task ${api.id} names no tongban:role or tongban:actions`);
  const words = (text = '') => text.split(/\s+/).filter(Boolean);
  return {
    elementId: api.id, name: name ?? api.id, role, actions: words(actions), stages: words(stage),
    department: department ?? null, limitDays: limit ? Number(limit) : null,
  };
}

function toPendingService(api: ActivityApi): PendingService {
  const { name, handler } = api.owner.behaviour;
  if (!handler) throw new ProcessEngineError(`service task ${api.id} names no tongban:handler`);
  return { elementId: api.id, name: name ?? api.id, handler };
}
