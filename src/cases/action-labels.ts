import type { Message } from '../common/app-error.js';

// Names of the actions the shipped processes offer, for timelines and messages; an unknown action shows its id.
const LABELS: Record<string, Message> = {
  create: { zh: '创建草稿', en: 'Draft created' },
  submit: { zh: '提交申请', en: 'Submitted' },
  preAccept: { zh: '预受理通过', en: 'Pre-accepted' },
  accept: { zh: '受理', en: 'Accepted' },
  refuse: { zh: '不予受理', en: 'Refused acceptance' },
  approve: { zh: '审查通过，准予许可', en: 'Approved' },
  reject: { zh: '审查不通过，不予许可', en: 'Rejected' },
};

// Own keys only: an action named "constructor" or "toString" must not find Object.prototype's members.
export const actionLabel = (action: string): Message => (Object.hasOwn(LABELS, action) ? LABELS[action] : { zh: action, en: action });
