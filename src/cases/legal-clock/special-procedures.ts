import type { Message } from '../../common/app-error.js';

/** The special procedures that stop the legal clock (Art. 45): their time is not counted in the limits. */
export const SPECIAL_PROCEDURES: Record<string, Message> = {
  hearing: { zh: '听证', en: 'hearing' },
  testing: { zh: '检验', en: 'testing' },
  inspection: { zh: '检测', en: 'inspection' },
  quarantine: { zh: '检疫', en: 'quarantine' },
  appraisal: { zh: '鉴定', en: 'appraisal' },
  expertReview: { zh: '专家评审', en: 'expert review' },
  tender: { zh: '招标', en: 'tender' },
  auction: { zh: '拍卖', en: 'auction' },
};

export const SPECIAL_PROCEDURE_KINDS = Object.keys(SPECIAL_PROCEDURES);

export const specialProcedureLabel = (kind: string): Message => SPECIAL_PROCEDURES[kind] ?? { zh: kind, en: kind };
