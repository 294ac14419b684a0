export { inspectBpmn, validateBpmn, MAX_BPMN_BYTES } from './validate-bpmn.js';
export type { BpmnInspection, BpmnMessage, BpmnProblem, ValidationContext } from './validate-bpmn.js';
