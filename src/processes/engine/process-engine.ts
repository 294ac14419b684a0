import { Injectable } from '@nestjs/common';
import { Engine } from 'bpmn-engine';
import { EventEmitter } from 'node:events';
import { CompiledProcess } from './compiled-process.js';
import { safeExpressions } from './safe-expressions.js';

export interface WaitingTask {
  elementId: string;
  name: string;
  role: string;
  actions: string[];
}

export interface EngineStep {
  state: object;
  engineVersion: string;
  waiting: WaitingTask[];
  /** The end event reached, once the process has completed. */
  ended: { elementId: string; name: string } | null;
}

export class ProcessEngineError extends Error {}

interface ActivityApi {
  id: string;
  type: string;
  name?: string;
  content?: { output?: { outcome?: string } };
  owner: { behaviour: { name?: string; role?: string; actions?: string }; environment: { output: Record<string, unknown> } };
}

// Script conditions and script tasks would run in node:vm, which is no sandbox: they are refused.
const noScripts = {
  register(): undefined {
    return undefined;
  },
  getScript(language: string | undefined): undefined {
    // Called for every condition; without a language the condition is an expression, which is evaluated safely.
    if (!language) return undefined;
    throw new ProcessEngineError(`scripts are not allowed in processes (found a ${language} script)`);
  },
};

// Keeps the action a user task was completed with where the gateways' expressions read it.
const recordOutcome = {
  outcome(activity: { type: string; on: (event: string, fn: (api: ActivityApi) => void) => void; environment: { output: Record<string, unknown> } }) {
    if (activity.type !== 'bpmn:UserTask') return;
    activity.on('end', (api) => {
      activity.environment.output.outcome = api.content?.output?.outcome;
    });
  },
};

const MAX_SETTLE_TICKS = 10_000;

/**
 * Runs a case's process with bpmn-engine, one step at a time: every step starts from the saved state and
 * ends with the state to save. The process, not this code, decides which tasks wait next.
 */
@Injectable()
export class ProcessEngine {
  start(process: CompiledProcess, instanceName: string): Promise<EngineStep> {
    return this.step(process, instanceName, async (engine, listener) => engine.execute({ listener }));
  }

  complete(process: CompiledProcess, instanceName: string, state: object, taskId: string, outcome: string): Promise<EngineStep> {
    return this.step(process, instanceName, async (engine, listener) => {
      engine.recover(structuredClone(state));
      const execution = await engine.resume({ listener });
      const waiting = execution.getPostponed().some((api: { id: string }) => api.id === taskId);
      if (!waiting) throw new ProcessEngineError(`task ${taskId} is not waiting in the saved process state`);
      execution.signal({ id: taskId, outcome });
      return execution;
    });
  }

  private async step(
    process: CompiledProcess,
    instanceName: string,
    drive: (engine: Engine, listener: EventEmitter) => Promise<{ getPostponed(): unknown[]; activityStatus: string }>,
  ): Promise<EngineStep> {
    const engine = new Engine({
      name: instanceName,
      sourceContext: process.sourceContext as never,
      expressions: safeExpressions,
      scripts: noScripts as never,
      extensions: recordOutcome as never,
      settings: { enableDummyService: false },
    });
    const listener = new EventEmitter();
    let ended: EngineStep['ended'] = null;
    listener.on('activity.end', (api: ActivityApi) => {
      if (api.type === 'bpmn:EndEvent') ended = { elementId: api.id, name: api.name ?? process.elementNames.get(api.id) ?? api.id };
    });
    let failure: Error | undefined;
    engine.on('error', (error: Error) => (failure = error));

    const execution = await drive(engine, listener);
    for (let tick = 0; execution.activityStatus === 'executing' && !failure; tick++) {
      if (tick > MAX_SETTLE_TICKS) throw new ProcessEngineError('the process did not settle');
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (failure) throw new ProcessEngineError(failure.message);

    const waiting = (execution.getPostponed() as ActivityApi[]).filter((api) => api.type === 'bpmn:UserTask').map(toWaitingTask);
    const state = (await engine.getState()) as unknown as { engineVersion: string; definitions: { source?: unknown }[] };
    // The source is supplied again from the definition at every step; keeping it would store 5 KB per save.
    for (const definition of state.definitions) delete definition.source;
    if (engine.state === 'running') await engine.stop();
    return { state, engineVersion: state.engineVersion, waiting, ended };
  }
}

function toWaitingTask(api: ActivityApi): WaitingTask {
  const { name, role, actions } = api.owner.behaviour;
  if (!role || !actions) throw new ProcessEngineError(`user task ${api.id} names no tongban:role or tongban:actions`);
  return { elementId: api.id, name: name ?? api.id, role, actions: actions.split(/\s+/).filter(Boolean) };
}
