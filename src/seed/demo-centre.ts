import type { MaterialForm, MaterialSource } from '../catalog/guide-codes.js';
import type { DepartmentLevel } from '../catalog/department.entity.js';
import type { Matter } from '../catalog/matter.entity.js';
import type { Role } from '../identity/user.entity.js';
import type { ProcessKind } from '../processes/engine/tongban-moddle.js';

/** A small demo service centre: real matters, their real legal bases and material lists, one account per staff role. */
export interface DemoMaterial {
  name: string;
  description: string;
  originalCopies: number;
  photocopies: number;
  isRequired: boolean;
  source: MaterialSource;
  issuer: string | null;
  form: MaterialForm;
  fillingNotes: string | null;
  acceptedFormats: string[];
  maxFiles: number;
  /** The blank form's file in forms/demo/ (see forms/README.md), if the item has one. */
  template?: string;
}

/** What a scanned document is usually accepted as: a PDF or OFD, or page images. */
const SCANNED = ['pdf', 'ofd', 'jpg', 'jpeg', 'png'];

/** The elements of a service guide beyond the core, as a matter row holds them. */
export type GuideElements = Pick<
  Matter,
  | 'matterType' | 'exerciseLevel' | 'serviceObjects' | 'caseType' | 'quantityLimit' | 'chargesFee' | 'feeBasis' | 'onlinePayment'
  | 'handlingForms' | 'onlineServiceDepth' | 'appointmentAvailable' | 'siteVisits' | 'siteVisitReason' | 'resultType' | 'resultName'
  | 'issuesElectronicLicence' | 'pickupMethods' | 'pickupPlace' | 'handlingPlace' | 'handlingHours' | 'consultationPhone' | 'complaintPhone' | 'faqs'
>;

export interface DemoMatter extends GuideElements {
  code: string;
  name: string;
  /** The shipped process (see workflows/README.md) that its cases run, and its `tongban:kind`. */
  processKey: string;
  kind: ProcessKind;
  legalBasis: string;
  conditions: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  fees: string;
  materials: DemoMaterial[];
}

export interface DemoDepartment {
  code: string;
  name: string;
  level: DepartmentLevel;
  matters: DemoMatter[];
}

interface MaterialOptions {
  isRequired?: boolean;
  originalCopies?: number;
  photocopies?: number;
  source?: MaterialSource;
  issuer?: string;
  form?: MaterialForm;
  fillingNotes?: string;
  template?: string;
  acceptedFormats?: string[];
  maxFiles?: number;
}

const material = (name: string, description: string, options: MaterialOptions = {}): DemoMaterial => ({
  name,
  description,
  isRequired: options.isRequired ?? true,
  originalCopies: options.originalCopies ?? 1,
  photocopies: options.photocopies ?? 0,
  source: options.source ?? 'applicant',
  issuer: options.issuer ?? null,
  form: options.form ?? 'paper_and_electronic',
  fillingNotes: options.fillingNotes ?? null,
  acceptedFormats: options.acceptedFormats ?? SCANNED,
  maxFiles: options.maxFiles ?? 1,
  ...(options.template ? { template: options.template } : {}),
});

/** A copy of a document some department issued. */
const issuedCopy = (issuer: string, options: MaterialOptions = {}): MaterialOptions => ({ originalCopies: 0, photocopies: 1, source: 'government', issuer, ...options });

const CENTRE = '呼和浩特市政务服务中心（赛罕区敕勒川大街12号）';
/** What every matter of the demo centre shares: where and when it is handled, and where to complain. */
const AT_THE_CENTRE = {
  matterType: 'administrative_licence',
  exerciseLevel: 'municipal',
  handlingHours: '周一至周五（法定节假日除外，调休上班日照常办公）上午 9:00—12:00，下午 13:30—17:30',
  complaintPhone: '0471-12345（12345政务服务便民热线）',
} as const;
const NO_FEE = { fees: '不收费', chargesFee: false, feeBasis: null, onlinePayment: false } as const;
/** 全程网办 (Ⅳ级): everything online, no visit to the centre. */
const FULLY_ONLINE: Pick<GuideElements, 'onlineServiceDepth' | 'siteVisits' | 'siteVisitReason'> = {
  onlineServiceDepth: [1, 2, 3, 4, 5, 6, 7],
  siteVisits: 0,
  siteVisitReason: null,
};

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    code: 'LCJ',
    name: '市林业和草原局 Forestry and Grassland Bureau',
    level: 'city',
    matters: [
      {
        ...AT_THE_CENTRE,
        code: 'LCJ-XK-001',
        name: '临时占用草原审核',
        processKey: 'standard-licensing',
        kind: 'standard',
        serviceObjects: ['natural_person', 'enterprise_legal_person', 'public_institution_legal_person'],
        caseType: 'commitment',
        legalBasis: '《中华人民共和国草原法》第四十条；《草原征占用审核审批管理规范》',
        conditions: '因建设项目施工、地质勘查等需要临时占用草原，占用期限不超过二年，且不得在临时占用的草原上修建永久性建筑物、构筑物。',
        quantityLimit: '无数量限制',
        legalLimitDays: 20,
        promisedLimitDays: 10,
        fees: '草原植被恢复费：按临时占用草原的面积和类型，依自治区发展改革委、财政厅核定的标准计收',
        chargesFee: true,
        feeBasis: '《中华人民共和国草原法》第三十九条；《财政部 国家发展改革委关于同意收取草原植被恢复费有关问题的通知》（财综〔2010〕29号）',
        onlinePayment: true,
        handlingForms: ['window', 'online_pc'],
        onlineServiceDepth: [1, 2, 3, 4, 6],
        appointmentAvailable: true,
        siteVisits: 1,
        siteVisitReason: '需当面核验草原权属证明和补偿协议原件，并在踏勘记录上签字确认',
        resultType: 'document',
        resultName: '临时占用草原审核同意书',
        issuesElectronicLicence: true,
        pickupMethods: ['window', 'courier', 'electronic'],
        pickupPlace: `${CENTRE}二楼林业和草原局窗口（B区12号）；选择邮寄的，免费寄至申请人指定地址`,
        handlingPlace: `${CENTRE}二楼林业和草原局窗口（B区12号）`,
        consultationPhone: '0471-4602318',
        faqs: [
          {
            question: '临时占用草原的期限最长是多久？',
            answer: '不得超过二年，且不得在临时占用的草原上修建永久性建筑物、构筑物；占用期满，用地单位必须恢复草原植被并及时退还。',
          },
          {
            question: '草原植被恢复费如何缴纳？',
            answer: '审核同意后，按《缴款通知书》通过非税收入网上缴费系统缴纳，也可到代收银行柜台缴纳。',
          },
        ],
        materials: [
          material('临时占用草原申请书', '载明占用地点、面积、期限、用途及恢复措施', {
            fillingNotes: '使用本局提供的格式文本，面积以公顷计、保留两位小数，加盖申请单位公章',
            template: '临时占用草原申请书.docx',
          }),
          material('草原权属证明材料', '草原所有权或使用权证明；多块草原的逐块上传', issuedCopy('旗县级以上人民政府', { maxFiles: 5 })),
          material('临时占用草原补偿协议', '与草原所有者或使用者签订的补偿协议', { fillingNotes: '协议双方签字或盖章，附被占用草原的四至范围' }),
          material('草原植被恢复方案', '占用期满后恢复草原植被的方案及保证措施', { acceptedFormats: ['pdf', 'ofd', 'docx'] }),
          material('项目批准文件', '建设项目立项或勘查许可文件（如有）', issuedCopy('发展改革部门或自然资源部门', { isRequired: false })),
        ],
      },
    ],
  },
  {
    code: 'ZRZY',
    name: '市自然资源局 Natural Resources Bureau',
    level: 'city',
    matters: [
      {
        ...AT_THE_CENTRE,
        ...NO_FEE,
        ...FULLY_ONLINE,
        code: 'ZRZY-XK-003',
        name: '建设用地规划许可证核发',
        // Parallel approval: forestry (grassland and forest land) and environment review at the same time.
        processKey: 'parallel-approval',
        kind: 'parallel',
        serviceObjects: ['enterprise_legal_person', 'public_institution_legal_person', 'administrative_organ'],
        caseType: 'commitment',
        legalBasis: '《中华人民共和国城乡规划法》第三十七条、第三十八条',
        conditions: '建设项目已取得用地批准或签订国有土地使用权出让合同，符合国土空间规划。',
        quantityLimit: '无数量限制',
        legalLimitDays: 20,
        promisedLimitDays: 7,
        handlingForms: ['window', 'online_pc', 'online_mobile'],
        appointmentAvailable: true,
        resultType: 'licence',
        resultName: '建设用地规划许可证',
        issuesElectronicLicence: true,
        pickupMethods: ['electronic', 'courier', 'window'],
        pickupPlace: `电子证照推送至申请人账户，可在线下载；需要纸质证书的，免费邮寄，或到${CENTRE}三楼自然资源局窗口（C区05号）领取`,
        handlingPlace: `${CENTRE}三楼自然资源局窗口（C区05—08号）`,
        consultationPhone: '0471-6602715',
        faqs: [
          {
            question: '以划拨方式取得土地的项目，何时申请建设用地规划许可证？',
            answer: '项目经有关部门批准、核准或备案后，建设单位持相关文件申请，规划部门核定用地位置、面积和允许建设的范围后核发许可证，建设单位再据此向县级以上人民政府土地主管部门申请用地。',
          },
        ],
        materials: [
          material('建设用地规划许可申请表', '加盖申请单位公章', { template: '建设用地规划许可申请表.docx' }),
          material('项目批准、核准或备案文件', '发展改革部门出具', issuedCopy('发展改革部门')),
          material('国有土地使用权出让合同或划拨决定书', '含附图', issuedCopy('自然资源主管部门')),
          material('用地红线图', 'CGCS2000 坐标系电子文件及纸质图', {
            source: 'other',
            issuer: '具有相应资质的测绘单位',
            fillingNotes: '电子文件为 dwg 格式，坐标采用 2000 国家大地坐标系',
            acceptedFormats: ['pdf', 'dwg', 'jpg', 'png'],
            maxFiles: 3,
          }),
        ],
      },
    ],
  },
  {
    code: 'SCJG',
    name: '市市场监督管理局 Market Regulation Bureau',
    level: 'city',
    matters: [
      {
        ...AT_THE_CENTRE,
        ...NO_FEE,
        ...FULLY_ONLINE,
        code: 'SCJG-XK-012',
        name: '食品经营许可',
        processKey: 'notification-commitment',
        kind: 'commitment',
        serviceObjects: ['natural_person', 'enterprise_legal_person', 'other_organisation'],
        caseType: 'commitment',
        legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
        conditions: '具有与经营的食品品种、数量相适应的经营场所、设备设施、食品安全管理人员和管理制度。',
        quantityLimit: '无数量限制',
        legalLimitDays: 10,
        promisedLimitDays: 5,
        handlingForms: ['window', 'online_pc', 'online_mobile'],
        appointmentAvailable: true,
        resultType: 'licence',
        resultName: '食品经营许可证',
        issuesElectronicLicence: true,
        pickupMethods: ['electronic', 'courier', 'window'],
        pickupPlace: `电子证照推送至申请人账户；需要纸质证书的，免费邮寄，或到${CENTRE}一楼市场监管局窗口（A区03号）领取`,
        handlingPlace: `${CENTRE}一楼市场监管局窗口（A区01—06号）`,
        consultationPhone: '0471-3958120',
        faqs: [
          {
            question: '实行告知承诺的，还要现场核查吗？',
            answer: '申请人书面承诺符合许可条件并提交材料后，当场或当日作出许可决定；市场监管部门在许可后依法开展现场核查，发现承诺不实的，依法撤销许可并记入信用记录。',
          },
        ],
        materials: [
          material('食品经营许可申请书', '法定代表人签字', { template: '食品经营许可申请书.docx' }),
          material('营业执照', '加载统一社会信用代码的营业执照', issuedCopy('市场监督管理部门')),
          material('经营场所平面布局及设备设施说明', '标明功能区划分', { maxFiles: 10 }),
          material('食品安全管理制度文本', '含食品安全自查、进货查验记录等制度', { form: 'electronic', originalCopies: 0 }),
        ],
      },
      {
        ...AT_THE_CENTRE,
        ...NO_FEE,
        code: 'SCJG-XK-015',
        name: '食品经营许可注销',
        processKey: 'instant',
        kind: 'instant',
        serviceObjects: ['natural_person', 'enterprise_legal_person', 'other_organisation'],
        caseType: 'instant',
        legalBasis: '《食品经营许可和备案管理办法》第四十二条',
        conditions: '食品经营者终止食品经营，或食品经营许可被撤回、撤销，应当申请办理注销手续。',
        quantityLimit: '无数量限制',
        legalLimitDays: 20,
        promisedLimitDays: 1,
        handlingForms: ['window', 'online_pc', 'courier'],
        onlineServiceDepth: [1, 2, 3, 4, 6],
        appointmentAvailable: false,
        siteVisits: 1,
        siteVisitReason: '需交回食品经营许可证正本、副本原件（也可邮寄交回）',
        resultType: 'document',
        resultName: '准予注销食品经营许可决定书',
        issuesElectronicLicence: false,
        pickupMethods: ['window', 'electronic'],
        pickupPlace: `${CENTRE}一楼市场监管局窗口（A区03号）当场领取，或登录本平台下载电子文书`,
        handlingPlace: `${CENTRE}一楼市场监管局窗口（A区01—06号）`,
        consultationPhone: '0471-3958120',
        faqs: [
          {
            question: '许可证遗失了还能注销吗？',
            answer: '可以。请在国家企业信用信息公示系统或市级以上报刊发布遗失声明，以遗失声明代替许可证正副本提交。',
          },
        ],
        materials: [
          material('食品经营许可注销申请书', '法定代表人签字', { template: '食品经营许可注销申请书.docx' }),
          material('食品经营许可证正副本', '遗失的提交遗失声明', { source: 'government', issuer: '市场监督管理部门', form: 'paper' }),
        ],
      },
    ],
  },
  {
    code: 'HJ',
    name: '市生态环境局 Ecology and Environment Bureau',
    level: 'city',
    matters: [],
  },
];

/** The departments where the demo centre's cases are filed: its comprehensive window (综合窗口) serves them all. */
const WINDOW_DEPARTMENTS = ['LCJ', 'ZRZY', 'SCJG'];

/**
 * Staff accounts of the demo centre: usernames are fixed, passwords are drawn at seeding. Each serves the
 * departments whose tasks the shipped processes give their role: the forestry reviewer also inspects market
 * regulation's commitments, the decider decides for forestry and for natural resources' parallel approvals, the
 * environment reviewer gives its co-department opinion. Supervisors and administrators see every department's
 * cases without serving one; a process designer sees none.
 */
export const DEMO_STAFF: { username: string; displayName: string; roles: Role[]; departmentCodes: string[] }[] = [
  { username: 'window1', displayName: '窗口受理员 刘敏', roles: ['window_staff'], departmentCodes: WINDOW_DEPARTMENTS },
  { username: 'window2', displayName: '窗口受理员 王芳', roles: ['window_staff'], departmentCodes: WINDOW_DEPARTMENTS },
  { username: 'reviewer1', displayName: '审查员 陈刚', roles: ['reviewer'], departmentCodes: ['LCJ', 'SCJG'] },
  { username: 'reviewer2', displayName: '生态环境局审查员 赵婷', roles: ['reviewer'], departmentCodes: ['HJ'] },
  { username: 'decider1', displayName: '审批负责人 高峰', roles: ['decider'], departmentCodes: ['LCJ', 'ZRZY'] },
  { username: 'supervisor1', displayName: '电子监察员 孙丽', roles: ['supervisor'], departmentCodes: [] },
  { username: 'designer1', displayName: '流程设计员 周洋', roles: ['process_designer'], departmentCodes: [] },
  { username: 'admin1', displayName: '系统管理员 吴昊', roles: ['administrator'], departmentCodes: [] },
];


/** Cases show yellow from the third-last working day before their promised deadline. */
export const DEMO_WARNING_WORKING_DAYS = 3;
