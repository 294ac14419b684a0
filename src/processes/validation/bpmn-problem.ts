/**
 * What the validator says about an uploaded BPMN file. A caller answers an upload that has problems with
 * HTTP 422 and shows each message to the process designer: Simplified Chinese first, English beside it.
 */
export interface BpmnMessage {
  zh: string;
  en: string;
}

export interface BpmnProblem {
  /** The offending element, so that a modeller can select it; null when the file as a whole is at fault. */
  elementId: string | null;
  /** Stable name of the rule (`not-bpmn`, `user-task-role`, `bpmnlint/no-disconnected`…), for clients and tests. */
  rule: string;
  message: BpmnMessage;
}

export interface ValidationContext {
  /** Names a service task may give in `tongban:handler`. */
  handlers: readonly string[];
  /** Department codes a user task may give in `tongban:department`; when absent, any code is taken. */
  departments?: readonly string[];
}

export function problem(rule: string, elementId: string | null, zh: string, en: string): BpmnProblem {
  return { elementId, rule, message: { zh, en } };
}
