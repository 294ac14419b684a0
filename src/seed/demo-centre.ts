import type { Role } from '../identity/user.entity.js';

/** A small demo service centre: real matters, their real legal bases and material lists, one account per staff role. */
interface DemoMaterial {
  name: string;
  description: string;
  originalCopies: number;
  photocopies: number;
  isRequired: boolean;
  acceptedFormats: string[];
  maxFiles: number;
}

/** What a scanned document is usually accepted as: a PDF or OFD, or page images. */
const SCANNED = ['pdf', 'ofd', 'jpg', 'jpeg', 'png'];

interface DemoMatter {
  code: string;
  name: string;
  /** The shipped process (see workflows/README.md) that its cases run. */
  processKey: string;
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
  matters: DemoMatter[];
}

const material = (
  name: string,
  description: string,
  isRequired = true,
  originalCopies = 1,
  photocopies = 0,
  { acceptedFormats = SCANNED, maxFiles = 1 }: { acceptedFormats?: string[]; maxFiles?: number } = {},
): DemoMaterial => ({ name, description, originalCopies, photocopies, isRequired, acceptedFormats, maxFiles });

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    code: 'LCJ',
    name: '市林业和草原局 Forestry and Grassland Bureau',
    matters: [
      {
        code: 'LCJ-XK-001',
        name: '临时占用草原审核',
        processKey: 'standard-licensing',
        legalBasis: '《中华人民共和国草原法》第四十条；《草原征占用审核审批管理规范》',
        conditions: '因建设项目施工、地质勘查等需要临时占用草原，占用期限不超过二年，且不得在临时占用的草原上修建永久性建筑物、构筑物。',
        legalLimitDays: 20,
        promisedLimitDays: 10,
        fees: '依法缴纳草原植被恢复费（依据《财政部 国家发展改革委关于同意收取草原植被恢复费有关问题的通知》）',
        materials: [
          material('临时占用草原申请书', '载明占用地点、面积、期限、用途及恢复措施'),
          material('草原权属证明材料', '草原所有权或使用权证明；多块草原的逐块上传', true, 0, 1, { maxFiles: 5 }),
          material('临时占用草原补偿协议', '与草原所有者或使用者签订的补偿协议'),
          material('草原植被恢复方案', '占用期满后恢复草原植被的方案及保证措施', true, 1, 0, { acceptedFormats: ['pdf', 'ofd', 'docx'] }),
          material('项目批准文件', '建设项目立项或勘查许可文件（如有）', false, 0, 1),
        ],
      },
    ],
  },
  {
    code: 'ZRZY',
    name: '市自然资源局 Natural Resources Bureau',
    matters: [
      {
        code: 'ZRZY-XK-003',
        name: '建设用地规划许可证核发',
        // Parallel approval: forestry (grassland and forest land) and environment review at the same time.
        processKey: 'parallel-approval',
        legalBasis: '《中华人民共和国城乡规划法》第三十七条、第三十八条',
        conditions: '建设项目已取得用地批准或签订国有土地使用权出让合同，符合国土空间规划。',
        legalLimitDays: 20,
        promisedLimitDays: 7,
        fees: '不收费',
        materials: [
          material('建设用地规划许可申请表', '加盖申请单位公章'),
          material('项目批准、核准或备案文件', '发展改革部门出具', true, 0, 1),
          material('国有土地使用权出让合同或划拨决定书', '含附图', true, 0, 1),
          material('用地红线图', 'CGCS2000 坐标系电子文件及纸质图', true, 1, 0, { acceptedFormats: ['pdf', 'dwg', 'jpg', 'png'], maxFiles: 3 }),
        ],
      },
    ],
  },
  {
    code: 'SCJG',
    name: '市市场监督管理局 Market Regulation Bureau',
    matters: [
      {
        code: 'SCJG-XK-012',
        name: '食品经营许可',
        processKey: 'notification-commitment',
        legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
        conditions: '具有与经营的食品品种、数量相适应的经营场所、设备设施、食品安全管理人员和管理制度。',
        legalLimitDays: 10,
        promisedLimitDays: 5,
        fees: '不收费',
        materials: [
          material('食品经营许可申请书', '法定代表人签字'),
          material('营业执照', '加载统一社会信用代码的营业执照', true, 0, 1),
          material('经营场所平面布局及设备设施说明', '标明功能区划分', true, 1, 0, { maxFiles: 10 }),
          material('食品安全管理制度文本', '含食品安全自查、进货查验记录等制度'),
        ],
      },
      {
        code: 'SCJG-XK-015',
        name: '食品经营许可注销',
        processKey: 'instant',
        legalBasis: '《食品经营许可和备案管理办法》第四十二条',
        conditions: '食品经营者终止食品经营，或食品经营许可被撤回、撤销，应当申请办理注销手续。',
        legalLimitDays: 20,
        promisedLimitDays: 1,
        fees: '不收费',
        materials: [
          material('食品经营许可注销申请书', '法定代表人签字'),
          material('食品经营许可证正副本', '遗失的提交遗失声明', true, 1, 0),
        ],
      },
    ],
  },
  {
    code: 'HJ',
    name: '市生态环境局 Ecology and Environment Bureau',
    matters: [],
  },
];

/** Staff accounts of the demo centre: usernames are fixed, passwords are drawn at seeding. */
export const DEMO_STAFF: { username: string; displayName: string; roles: Role[]; departmentCode: string }[] = [
  { username: 'window1', displayName: '窗口受理员 刘敏', roles: ['window_staff'], departmentCode: 'LCJ' },
  { username: 'window2', displayName: '窗口受理员 王芳', roles: ['window_staff'], departmentCode: 'LCJ' },
  { username: 'reviewer1', displayName: '审查员 陈刚', roles: ['reviewer'], departmentCode: 'LCJ' },
  { username: 'reviewer2', displayName: '生态环境局审查员 赵婷', roles: ['reviewer'], departmentCode: 'HJ' },
  { username: 'decider1', displayName: '审批负责人 高峰', roles: ['decider'], departmentCode: 'LCJ' },
  { username: 'supervisor1', displayName: '电子监察员 孙丽', roles: ['supervisor'], departmentCode: 'LCJ' },
  { username: 'designer1', displayName: '流程设计员 周洋', roles: ['process_designer'], departmentCode: 'LCJ' },
  { username: 'admin1', displayName: '系统管理员 吴昊', roles: ['administrator'], departmentCode: 'LCJ' },
];


/** Cases show yellow from the third-last working day before their promised deadline. */
export const DEMO_WARNING_WORKING_DAYS = 3;
