/**
 * The administrators' matter form (事项管理): the coded values the API takes (src/catalog/guide-codes.ts,
 * [简体中文, English]), the guide as the API answers it turned into the form's values, and the form's values
 * turned back into what POST/PUT /api/admin/matters take. No imports: jest tests this file too.
 */
export type Names = Record<string, readonly [string, string]>;

export const MATTER_STATUS_NAMES: Names = { draft: ['草稿', 'Draft'], published: ['已发布', 'Published'], withdrawn: ['已撤回', 'Withdrawn'] };
export const STATUS_COLOURS: Record<string, string> = { draft: 'gold', published: 'green', withdrawn: 'default' };

export const CODE_LISTS = {
  kind: { standard: ['承诺办理', 'Standard licensing'], instant: ['即办', 'Decided on the spot'], commitment: ['告知承诺', 'Notification and commitment'], parallel: ['并联审批', 'Parallel approval'] },
  matterType: {
    administrative_licence: ['行政许可', 'Administrative licensing'], administrative_confirmation: ['行政确认', 'Administrative confirmation'],
    administrative_payment: ['行政给付', 'Administrative payment'], administrative_ruling: ['行政裁决', 'Administrative ruling'],
    administrative_reward: ['行政奖励', 'Administrative reward'], administrative_expropriation: ['行政征收', 'Administrative levy'],
    other_power: ['其他行政权力', 'Other administrative power'], public_service: ['公共服务', 'Public service'],
  },
  exerciseLevel: {
    national: ['国家级', 'National'], provincial: ['省级', 'Provincial'], municipal: ['市级', 'Municipal'], county: ['县级', 'County'],
    township: ['镇（乡、街道）级', 'Township'], village: ['村（社区）级', 'Village'], tiered: ['分级管理', 'Tiered'],
  },
  serviceObjects: {
    natural_person: ['自然人', 'Natural person'], enterprise_legal_person: ['企业法人', 'Enterprise'], public_institution_legal_person: ['事业法人', 'Public institution'],
    social_organisation_legal_person: ['社会组织法人', 'Social organisation'], administrative_organ: ['行政机关', 'Administrative organ'], other_organisation: ['其他组织', 'Other organisation'],
  },
  caseType: { instant: ['即办件', 'Decided on the spot'], commitment: ['承诺件', 'Decided within the promised limit'] },
  limitUnit: { working_days: ['工作日', 'Working days'], calendar_days: ['自然日', 'Calendar days'] },
  handlingForms: { window: ['窗口办理', 'At the window'], online_pc: ['网上办理（电脑端）', 'Online, on a computer'], online_mobile: ['网上申请（移动端）', 'Online, on a phone'], courier: ['快递申请', 'By courier'] },
  onlineServiceDepth: {
    1: ['互联网咨询', 'Online consultation'], 2: ['互联网收件', 'Online receipt'], 3: ['互联网预审', 'Online pre-review'], 4: ['互联网受理', 'Online acceptance'],
    5: ['互联网办理', 'Online handling'], 6: ['互联网办理结果信息反馈', 'Result notified online'], 7: ['互联网电子证照反馈', 'Electronic licence online'],
  },
  resultType: { licence: ['出证办结', 'A licence or certificate'], document: ['出文办结', 'A written decision'], approval: ['审批办结', 'An approval recorded'], other: ['其他', 'Other'] },
  pickupMethods: { window: ['窗口领取', 'At the window'], courier: ['免费邮寄', 'By post, free'], electronic: ['网上下载', 'Downloaded online'] },
  source: { applicant: ['申请人自备', 'Prepared by the applicant'], government: ['政府部门核发', 'Issued by a government department'], other: ['其他', 'Other'] },
  form: { paper: ['纸质', 'Paper'], electronic: ['电子', 'Electronic'], paper_and_electronic: ['纸质和电子', 'Paper and electronic'] },
} as const satisfies Record<string, Names>;

/** The file formats a material's uploads may take (src/materials/file-formats.ts). */
export const FILE_FORMATS = ['pdf', 'ofd', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'doc', 'docx', 'xls', 'xlsx', 'zip', 'dwg'];

/** A select's options from a code list, in the language shown. */
export const optionsOf = (names: Names, lang: 'zh' | 'en') =>
  Object.entries(names).map(([code, [zh, en]]) => ({ value: /^\d+$/.test(code) ? Number(code) : code, label: lang === 'zh' ? zh : en }));

/** Every field of the matter form, in the order the API's refusals may name them. */
export const MATTER_FIELDS = [
  'code', 'name', 'departmentId', 'kind', 'processKey', 'matterType', 'exerciseLevel', 'serviceObjects', 'caseType', 'legalBasis', 'conditions',
  'quantityLimit', 'legalLimitDays', 'promisedLimitDays', 'limitUnit', 'warningWorkingDays', 'fees', 'chargesFee', 'feeBasis', 'onlinePayment',
  'handlingForms', 'onlineServiceDepth', 'appointmentAvailable', 'siteVisits', 'siteVisitReason', 'resultType', 'resultName', 'issuesElectronicLicence',
  'pickupMethods', 'pickupPlace', 'handlingPlace', 'handlingHours', 'consultationPhone', 'complaintPhone', 'faqs',
] as const;

export type MatterValues = Record<(typeof MATTER_FIELDS)[number], unknown>;

interface Coded {
  code: string | number;
}

/** What GET /api/admin/matters/{id} answers (the guide with the administrators' fields), as far as the form reads it. */
export interface AdminMatter {
  id: string;
  status: string;
  processKey: string;
  warningWorkingDays: number;
  department: { id: string };
  serviceObjects: Coded[];
  handlingForms: Coded[];
  onlineServiceDepth: Coded[];
  result: { type: string; name: string; electronicLicence: boolean };
  pickup: { methods: Coded[]; place: string };
  [field: string]: unknown;
}

const codes = (list: Coded[]) => list.map((entry) => entry.code);

/** The guide as the API shows it (coded values with their names, result and pickup nested) in the form's flat fields. */
export function formValuesOf(matter: AdminMatter): MatterValues {
  const flat: Record<string, unknown> = {
    ...matter,
    departmentId: matter.department.id,
    serviceObjects: codes(matter.serviceObjects),
    handlingForms: codes(matter.handlingForms),
    onlineServiceDepth: codes(matter.onlineServiceDepth),
    resultType: matter.result.type,
    resultName: matter.result.name,
    issuesElectronicLicence: matter.result.electronicLicence,
    pickupMethods: codes(matter.pickup.methods),
    pickupPlace: matter.pickup.place,
  };
  return Object.fromEntries(MATTER_FIELDS.map((field) => [field, flat[field]])) as MatterValues;
}

/** The two fields the API lets be null: an empty box means "none". */
const NULLABLE = new Set(['feeBasis', 'siteVisitReason']);

/** The form's values as the API takes them: empty optional texts as null, lists never missing. */
export function matterBody(values: Partial<MatterValues>): Partial<MatterValues> {
  const body: Record<string, unknown> = {};
  for (const field of MATTER_FIELDS) {
    const value = values[field];
    if (NULLABLE.has(field)) body[field] = typeof value === 'string' && value.trim() ? value : null;
    else if (field === 'faqs' || field === 'onlineServiceDepth') body[field] = value ?? [];
    else if (value !== undefined) body[field] = value;
  }
  return body as Partial<MatterValues>;
}

/** An edit sends only what changed, so that the trail says what was changed and nothing else. */
export function changedFields(before: Partial<MatterValues>, after: Partial<MatterValues>): Partial<MatterValues> {
  const was = matterBody(before) as Record<string, unknown>;
  const now = matterBody(after) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(now).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(was[field]))) as Partial<MatterValues>;
}

/** The ids in their new order once one item moves up (-1) or down (+1); unchanged at either end. */
export function moved(ids: readonly string[], index: number, step: -1 | 1): string[] {
  const target = index + step;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return [...ids];
  const order = [...ids];
  [order[index], order[target]] = [order[target], order[index]];
  return order;
}

/** A material item's form: empty optional texts as null, as PUT/POST …/materials take them. */
export function materialBody(values: Record<string, unknown>): Record<string, unknown> {
  const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  return { ...values, issuer: blankToNull(values.issuer), fillingNotes: blankToNull(values.fillingNotes) };
}

export const MATERIAL_FIELDS = ['name', 'description', 'originalCopies', 'photocopies', 'isRequired', 'source', 'issuer', 'form', 'fillingNotes', 'acceptedFormats', 'maxFiles'];

/** The names of a matter's administration actions (GET …/history), [简体中文, English]. */
export const HISTORY_ACTIONS: Names = {
  'matter.create': ['创建', 'Created'], 'matter.update': ['修改', 'Edited'], 'matter.publish': ['发布', 'Published'], 'matter.withdraw': ['撤回', 'Withdrawn'],
  'matter.material.add': ['添加材料', 'Material added'], 'matter.material.update': ['修改材料', 'Material edited'], 'matter.material.reorder': ['调整材料顺序', 'Materials reordered'],
  'matter.material.remove': ['删除材料', 'Material removed'], 'matter.template.upload': ['上传空白表格', 'Blank form uploaded'], 'matter.template.remove': ['删除空白表格', 'Blank form removed'],
};
