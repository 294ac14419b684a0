/**
 * The `tongban:` attributes a process carries, declared as a moddle package so that they reach the engine
 * and the validator as typed properties:
 * - on `bpmn:process`: `kind`, the kind of case it runs (which fixes the stages the law requires);
 * - on `bpmn:userTask`: `role` that may complete it, `actions` it offers (space-separated), `stage` (the
 *   legal stages it stands for, space-separated), optionally `department`, the code of the department
 *   whose staff hold it (the co-departments of a parallel approval), and `limit`, its own time limit in
 *   working days from its opening;
 * - on `bpmn:serviceTask`: `handler`, the platform handler that carries it out.
 */
export const TONGBAN_NAMESPACE = 'http://tongban.org/schema/bpmn/1.0';

export const PROCESS_KINDS = ['standard', 'instant', 'commitment', 'parallel'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

export const STAGES = [
  'application', // 申办
  'preAcceptance', // 预受理
  'acceptance', // 受理
  'supplementation', // 补正 / 补交
  'commitment', // 告知承诺
  'review', // 审查
  'coReview', // 并联审查（协办部门）
  'specialProcedure', // 特别程序
  'extension', // 延期
  'decision', // 决定
  'delivery', // 送达 / 领取
  'inspection', // 事中事后核查
] as const;
export type Stage = (typeof STAGES)[number];

/** Stages after the decision: a case waiting at one of them can no longer be withdrawn (撤回申请). */
export const DECIDED_STAGES: readonly Stage[] = ['delivery', 'inspection'];

/** Working days of the joint handling of Art. 26 (并联审批) and of its one extension (Art. 42 ¶2). */
export const JOINT_HANDLING_DAYS = 45;
export const JOINT_EXTENSION_DAYS = 15;

/** The stages a process of each kind must have, for the law's steps (受理, 审查, 决定, 送达) to exist. */
export const REQUIRED_STAGES: Record<ProcessKind, readonly Stage[]> = {
  standard: ['application', 'acceptance', 'review', 'decision', 'delivery'],
  instant: ['application', 'acceptance', 'decision'],
  commitment: ['application', 'commitment', 'acceptance', 'inspection'],
  parallel: ['application', 'acceptance', 'coReview', 'decision', 'delivery'],
};

export const tongbanModdlePackage = {
  name: 'Tongban',
  prefix: 'tongban',
  uri: TONGBAN_NAMESPACE,
  xml: { tagAlias: 'lowerCase' },
  types: [
    {
      name: 'ProcessKind',
      extends: ['bpmn:Process'],
      properties: [{ name: 'kind', isAttr: true, type: 'String' }],
    },
    {
      name: 'TaskAssignment',
      extends: ['bpmn:UserTask'],
      properties: [
        { name: 'role', isAttr: true, type: 'String' },
        { name: 'actions', isAttr: true, type: 'String' },
        { name: 'stage', isAttr: true, type: 'String' },
        { name: 'department', isAttr: true, type: 'String' },
        { name: 'limit', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'ServiceHandler',
      extends: ['bpmn:ServiceTask'],
      properties: [{ name: 'handler', isAttr: true, type: 'String' }],
    },
  ],
};
