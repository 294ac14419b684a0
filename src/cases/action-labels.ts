import type { Message } from '../common/app-error.js';

// Names of the actions the shipped processes offer and of what the platform does on its own, for timelines and
// messages; an unknown action shows its id.
const LABELS: Record<string, Message> = {
  create: { zh: '创建草稿', en: 'Draft created' },
  sign: { zh: '签署告知承诺书', en: 'Commitment signed' },
  submit: { zh: '提交申请', en: 'Submitted' },
  preAccept: { zh: '预受理通过', en: 'Pre-accepted' },
  accept: { zh: '受理', en: 'Accepted' },
  refuse: { zh: '不予受理', en: 'Refused acceptance' },
  requestSupplement: { zh: '一次性告知补正', en: 'Supplementation requested' },
  supplement: { zh: '补交材料', en: 'Supplements submitted' },
  approve: { zh: '审查通过', en: 'Review passed' },
  reject: { zh: '审查不通过', en: 'Review failed' },
  startSpecialProcedure: { zh: '启动特别程序', en: 'Special procedure started' },
  endSpecialProcedure: { zh: '结束特别程序', en: 'Special procedure ended' },
  requestExtension: { zh: '申请延期', en: 'Extension requested' },
  approveExtension: { zh: '批准延期', en: 'Extension approved' },
  denyExtension: { zh: '不批准延期', en: 'Extension denied' },
  concur: { zh: '协办部门同意', en: 'Co-department concurs' },
  object: { zh: '协办部门不同意', en: 'Co-department objects' },
  grant: { zh: '准予许可', en: 'Granted' },
  deny: { zh: '不予许可', en: 'Denied' },
  sendBack: { zh: '退回重审', en: 'Sent back for review' },
  deliver: { zh: '送达', en: 'Delivered' },
  pickUp: { zh: '领取', en: 'Picked up' },
  confirm: { zh: '核查属实', en: 'Inspection confirmed' },
  revoke: { zh: '撤销许可', en: 'Licence revoked' },
  'service.notifyApplicant': { zh: '已通知申请人', en: 'Applicant notified' },
  'service.generateNotice': { zh: '已生成文书', en: 'Document generated' },
  'service.issueLicence': { zh: '已核发电子证照', en: 'Electronic licence issued' },
  'service.failed': { zh: '自动处理失败（待监察处理）', en: 'Automatic step failed (incident)' },
  'service.retry': { zh: '重试自动处理', en: 'Automatic step retried' },
  withdraw: { zh: '申请人撤回申请', en: 'Withdrawn by the applicant' },
  'material.added': { zh: '上传材料', en: 'Material uploaded' },
  'material.replaced': { zh: '替换材料', en: 'Material replaced' },
  'material.deleted': { zh: '删除材料', en: 'Material deleted' },
  'material.copied': { zh: '从原办件复制材料', en: 'Materials copied from an earlier case' },
  'rating.submitted': { zh: '申请人评价', en: 'Rated by the applicant' },
  'rating.followedUp': { zh: '差评整改回访', en: 'Poor rating followed up' },
  'clock.deemedAcceptance': { zh: '依法视为受理', en: 'Accepted by law' },
  'clock.alert': { zh: '办理时限预警变化', en: 'Deadline alert changed' },
  'case.urged': { zh: '电子监察督办', en: 'Urged by supervision' },
  'clock.pauseOverrun': { zh: '特别程序超出告知时长', en: 'Special procedure ran past its declared length' },
};

// Own keys only: an action named "constructor" or "toString" must not find Object.prototype's members.
export const actionLabel = (action: string): Message => (Object.hasOwn(LABELS, action) ? LABELS[action] : { zh: action, en: action });
