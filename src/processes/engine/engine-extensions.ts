import { ProcessEngineError } from './process-engine-error.js';

/** What the engine tells us of an activity, as much of it as these extensions read. */
export interface ActivityApi {
  id: string;
  type: string;
  name?: string;
  content?: { output?: { outcome?: string } };
  owner: { behaviour: { name?: string; role?: string; actions?: string; stage?: string; department?: string; limit?: string; handler?: string } };
}

interface ExtendedActivity {
  id: string;
  type: string;
  behaviour: ActivityApi['owner']['behaviour'] & { Service?: unknown };
  on: (event: string, fn: (api: ActivityApi) => void) => void;
  environment: { output: Record<string, unknown> };
}

// Script conditions and script tasks would run in node:vm, which is no sandbox: they are refused.
export const noScripts = {
  register(): undefined {
    return undefined;
  },
  getScript(language: string | undefined): undefined {
    // Called for every condition; without a language the condition is an expression, which is evaluated safely.
    if (!language) return undefined;
    throw new ProcessEngineError(`scripts are not allowed in processes (found a ${language} script)`);
  },
};

/**
 * Keeps the action a user task was completed with where the gateways' expressions read it: `outcome` is the
 * latest, `outcomes.<taskId>` each task's own (a delivery gateway asks what the decision was, not the delivery).
 */
function recordOutcome(activity: ExtendedActivity): void {
  if (activity.type !== 'bpmn:UserTask') return;
  activity.on('end', (api) => {
    const outcome = api.content?.output?.outcome;
    const output = activity.environment.output;
    output.outcome = outcome;
    output.outcomes = { ...(output.outcomes as object | undefined), [activity.id]: outcome };
  });
}

/**
 * A service task's work is done by a platform handler, as a job outside the engine's step. The engine keeps the
 * task running until a later step brings the handler's result: the engine calls the service again when it
 * resumes a saved state, and then it completes with that result.
 */
function awaitHandler(activity: ExtendedActivity, ledger: ServiceLedger): void {
  if (activity.type !== 'bpmn:ServiceTask') return;
  activity.behaviour.Service = function PlatformHandler() {
    return {
      execute(_message: unknown, callback: (error: Error | null, output?: object) => void) {
        const result = ledger.results.get(activity.id);
        if (!result) return void ledger.pending.add(activity.id);
        ledger.pending.delete(activity.id);
        ledger.delivered.add(activity.id);
        callback(null, result);
      },
    };
  };
}

/** One step's service tasks: the handler results it brings, and which tasks took them or still wait. */
export interface ServiceLedger {
  results: ReadonlyMap<string, object>;
  pending: Set<string>;
  delivered: Set<string>;
}

export function tongbanExtensions(ledger: ServiceLedger) {
  return {
    tongban(activity: ExtendedActivity) {
      recordOutcome(activity);
      awaitHandler(activity, ledger);
    },
  };
}
