/*
 * The coded elements of a service guide (办事指南), after GB/T 39046-2020 Appendix A and the national
 * implementation list. Each value is stored as the English key and shown with its name, Chinese first.
 * The same keys are listed in the CHECK constraints of the migrations.
 */
import type { ProcessKind } from '../processes/engine/tongban-moddle.js';
import type { LimitUnit, MatterStatus } from './matter.entity.js';

/** A.1 事项类型 (the types a service centre publishes matters of). */
export const MATTER_TYPES = {
  administrative_licence: '行政许可 Administrative licensing',
  administrative_confirmation: '行政确认 Administrative confirmation',
  administrative_payment: '行政给付 Administrative payment',
  administrative_ruling: '行政裁决 Administrative ruling',
  administrative_reward: '行政奖励 Administrative reward',
  administrative_expropriation: '行政征收 Administrative levy',
  other_power: '其他行政权力 Other administrative power',
  public_service: '公共服务 Public service',
} as const;
export type MatterType = keyof typeof MATTER_TYPES;

/** A.2 行使层级. */
export const EXERCISE_LEVELS = {
  national: '国家级 National',
  provincial: '省级 Provincial',
  municipal: '市级 Municipal',
  county: '县级 County',
  township: '镇（乡、街道）级 Township',
  village: '村（社区）级 Village',
  tiered: '分级管理 Tiered',
} as const;
export type ExerciseLevel = keyof typeof EXERCISE_LEVELS;

/** A.4 服务对象. */
export const SERVICE_OBJECTS = {
  natural_person: '自然人 Natural person',
  enterprise_legal_person: '企业法人 Enterprise',
  public_institution_legal_person: '事业法人 Public institution',
  social_organisation_legal_person: '社会组织法人 Social organisation',
  administrative_organ: '行政机关 Administrative organ',
  other_organisation: '其他组织 Other organisation',
} as const;
export type ServiceObject = keyof typeof SERVICE_OBJECTS;

/** A.6 办件类型: an instant case is decided at the window; a commitment case within the promised limit. */
export const CASE_TYPES = {
  instant: '即办件 Decided on the spot',
  commitment: '承诺件 Decided within the promised time limit',
} as const;
export type CaseType = keyof typeof CASE_TYPES;

/**
 * The kind of handling a matter runs, which its process's `tongban:kind` must equal: the kind fixes the
 * stages the law requires of the process and how the legal clock counts (see processes/engine/tongban-moddle.ts).
 */
export const MATTER_KINDS: Record<ProcessKind, string> = {
  standard: '承诺办理 Standard licensing, decided within the time limit',
  instant: '即办 Decided on the spot',
  commitment: '告知承诺 Notification and commitment',
  parallel: '并联审批 Parallel approval by several departments',
};

/** Where a matter stands in the catalogue: only a published one is shown to the public and can be applied for. */
export const MATTER_STATUSES: Record<MatterStatus, string> = {
  draft: '草稿（未发布）Draft, not published',
  published: '已发布 Published',
  withdrawn: '已撤回（停止受理）Withdrawn, no longer taking applications',
};

/** A.5 办理形式. */
export const HANDLING_FORMS = {
  window: '窗口办理 At the window',
  online_pc: '网上办理（电脑端）Online, on a computer',
  online_mobile: '网上申请（移动端）Online, on a phone',
  courier: '快递申请 By courier',
} as const;
export type HandlingForm = keyof typeof HANDLING_FORMS;

/** 网上办理深度: the national implementation list's multi-valued codes, stored as numbers. */
export const ONLINE_SERVICE_DEPTHS: Record<number, string> = {
  1: '互联网咨询 Online consultation',
  2: '互联网收件 Online receipt of applications',
  3: '互联网预审 Online pre-review',
  4: '互联网受理 Online acceptance',
  5: '互联网办理 Online handling',
  6: '互联网办理结果信息反馈 Result notified online',
  7: '互联网电子证照反馈 Electronic licence delivered online',
};

export const ONLINE_SERVICE_LEVELS: Record<1 | 2 | 3 | 4, string> = {
  1: '信息公开（Ⅰ级）Guide published (level I)',
  2: '表格下载、在线咨询（Ⅱ级）Forms and consultation online (level II)',
  3: '在线预审（Ⅲ级）Online application and pre-review (level III)',
  4: '全程网办（Ⅳ级）Fully online (level IV)',
};

/**
 * The Ⅰ–Ⅳ level that the depth codes amount to. Ⅳ (全程网办) needs the application received, accepted and
 * handled online with the result delivered online, and no visit to the site (a Zhejiang validation rule);
 * a matter that offers all that online but still needs a visit is Ⅲ.
 */
export function onlineServiceLevel(depth: number[], siteVisits: number): 1 | 2 | 3 | 4 {
  const has = (code: number) => depth.includes(code);
  if (has(2) && has(4) && has(5) && (has(6) || has(7)) && siteVisits === 0) return 4;
  if (has(2) || has(3)) return 3;
  if (has(1)) return 2;
  return 1;
}

/** 审批结果类型. */
export const RESULT_TYPES = {
  licence: '出证办结 A licence or certificate',
  document: '出文办结 A written decision',
  approval: '审批办结 An approval recorded',
  other: '其他 Other',
} as const;
export type ResultType = keyof typeof RESULT_TYPES;

/** 领取方式: how the applicant receives the result. */
export const PICKUP_METHODS = {
  window: '窗口领取 Collected at the window',
  courier: '免费邮寄 Sent by post, free of charge',
  electronic: '网上下载（电子证照、电子文书）Downloaded online',
} as const;
export type PickupMethod = keyof typeof PICKUP_METHODS;

/** 来源渠道 of a required material. */
export const MATERIAL_SOURCES = {
  applicant: '申请人自备 Prepared by the applicant',
  government: '政府部门核发 Issued by a government department',
  other: '其他 Other',
} as const;
export type MaterialSource = keyof typeof MATERIAL_SOURCES;

/** 材料形式. */
export const MATERIAL_FORMS = {
  paper: '纸质 Paper',
  electronic: '电子 Electronic',
  paper_and_electronic: '纸质和电子 Paper and electronic',
} as const;
export type MaterialForm = keyof typeof MATERIAL_FORMS;

/** 材料类型, from the numbers of originals and copies a material is handed in as. */
export const MATERIAL_TYPES = {
  original: '原件 Original',
  copy: '复印件 Copy',
  original_and_copy: '原件和复印件 Original and copy',
} as const;

export function materialType(originalCopies: number, photocopies: number): keyof typeof MATERIAL_TYPES | null {
  if (originalCopies > 0) return photocopies > 0 ? 'original_and_copy' : 'original';
  return photocopies > 0 ? 'copy' : null;
}

export const LIMIT_UNITS: Record<LimitUnit, string> = {
  working_days: '工作日 Working days',
  calendar_days: '自然日 Calendar days',
};

/** A coded value as the guide shows it: the key and its name. */
export interface Coded<K> {
  code: K;
  name: string;
}

export const coded = <K extends string | number>(names: Record<K, string>, codes: readonly K[]): Coded<K>[] =>
  codes.map((code) => ({ code, name: names[code] }));
