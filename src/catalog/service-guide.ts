import type { Department } from './department.entity.js';
import {
  CASE_TYPES, type Coded, coded, EXERCISE_LEVELS, HANDLING_FORMS, LIMIT_UNITS, MATERIAL_FORMS, MATERIAL_SOURCES, MATERIAL_TYPES,
  materialType, MATTER_KINDS, MATTER_TYPES, ONLINE_SERVICE_DEPTHS, ONLINE_SERVICE_LEVELS, onlineServiceLevel, PICKUP_METHODS, RESULT_TYPES, SERVICE_OBJECTS,
} from './guide-codes.js';
import type { MaterialTemplate } from './material-template.entity.js';
import type { Faq, Matter } from './matter.entity.js';
import type { RequiredMaterial } from './required-material.entity.js';

/** How a matter is listed when browsing the catalogue. */
export interface MatterSummary {
  id: string;
  code: string;
  name: string;
  department: { id: string; code: string; name: string };
  matterType: string;
  matterTypeName: string;
  /** How it is handled: standard, instant (即办), commitment (告知承诺) or parallel (并联审批). */
  kind: string;
  kindName: string;
  caseType: string;
  caseTypeName: string;
  serviceObjects: Coded<string>[];
  legalLimitDays: number;
  promisedLimitDays: number;
  limitUnit: string;
  limitUnitName: string;
  chargesFee: boolean;
  onlineServiceLevel: number;
  onlineServiceLevelName: string;
  siteVisits: number;
}

/** What the guide says of a blank form, and where to download it. */
export interface TemplateSummary {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  downloadUrl: string;
}

export type GuideMaterial = Omit<RequiredMaterial, 'matterId'> & {
  sourceName: string;
  formName: string;
  materialType: string | null;
  materialTypeName: string | null;
  template: TemplateSummary | null;
};

/** The whole service guide (办事指南) of a matter. */
export interface ServiceGuide extends MatterSummary {
  exerciseLevel: string;
  exerciseLevelName: string;
  legalBasis: string;
  conditions: string;
  quantityLimit: string;
  fees: string;
  feeBasis: string | null;
  onlinePayment: boolean;
  handlingForms: Coded<string>[];
  onlineServiceDepth: Coded<number>[];
  appointmentAvailable: boolean;
  siteVisitReason: string | null;
  result: { type: string; typeName: string; name: string; electronicLicence: boolean };
  pickup: { methods: Coded<string>[]; place: string };
  handlingPlace: string;
  handlingHours: string;
  consultationPhone: string;
  complaintPhone: string;
  faqs: Faq[];
  requiredMaterials: GuideMaterial[];
}

export const templateDownloadUrl = (matterId: string, itemId: string) => `/api/matters/${matterId}/materials/${itemId}/template`;

export function summarise(matter: Matter, department: Department): MatterSummary {
  const level = onlineServiceLevel(matter.onlineServiceDepth, matter.siteVisits);
  return {
    id: matter.id,
    code: matter.code,
    name: matter.name,
    department: { id: department.id, code: department.code, name: department.name },
    matterType: matter.matterType,
    matterTypeName: MATTER_TYPES[matter.matterType],
    kind: matter.kind,
    kindName: MATTER_KINDS[matter.kind],
    caseType: matter.caseType,
    caseTypeName: CASE_TYPES[matter.caseType],
    serviceObjects: coded(SERVICE_OBJECTS, matter.serviceObjects),
    legalLimitDays: matter.legalLimitDays,
    promisedLimitDays: matter.promisedLimitDays,
    limitUnit: matter.limitUnit,
    limitUnitName: LIMIT_UNITS[matter.limitUnit],
    chargesFee: matter.chargesFee,
    onlineServiceLevel: level,
    onlineServiceLevelName: ONLINE_SERVICE_LEVELS[level],
    siteVisits: matter.siteVisits,
  };
}

export function serviceGuide(matter: Matter, department: Department, materials: GuideMaterial[]): ServiceGuide {
  return {
    ...summarise(matter, department),
    exerciseLevel: matter.exerciseLevel,
    exerciseLevelName: EXERCISE_LEVELS[matter.exerciseLevel],
    legalBasis: matter.legalBasis,
    conditions: matter.conditions,
    quantityLimit: matter.quantityLimit,
    fees: matter.fees,
    feeBasis: matter.feeBasis,
    onlinePayment: matter.onlinePayment,
    handlingForms: coded(HANDLING_FORMS, matter.handlingForms),
    onlineServiceDepth: coded(ONLINE_SERVICE_DEPTHS, [...matter.onlineServiceDepth].sort((a, b) => a - b)),
    appointmentAvailable: matter.appointmentAvailable,
    siteVisitReason: matter.siteVisitReason,
    result: { type: matter.resultType, typeName: RESULT_TYPES[matter.resultType], name: matter.resultName, electronicLicence: matter.issuesElectronicLicence },
    pickup: { methods: coded(PICKUP_METHODS, matter.pickupMethods), place: matter.pickupPlace },
    handlingPlace: matter.handlingPlace,
    handlingHours: matter.handlingHours,
    consultationPhone: matter.consultationPhone,
    complaintPhone: matter.complaintPhone,
    faqs: matter.faqs,
    requiredMaterials: materials,
  };
}

/** A required material as the guide lists it: every column (but the matter's id), the names of its codes, and its blank form. */
export function guideMaterial({ matterId, ...item }: RequiredMaterial, template: MaterialTemplate | undefined): GuideMaterial {
  const type = materialType(item.originalCopies, item.photocopies);
  return {
    ...item,
    sourceName: MATERIAL_SOURCES[item.source],
    formName: MATERIAL_FORMS[item.form],
    materialType: type,
    materialTypeName: type && MATERIAL_TYPES[type],
    template: template ? templateSummary(template, matterId) : null,
  };
}

export function templateSummary(template: MaterialTemplate, matterId: string): TemplateSummary {
  const { fileName, contentType, sizeBytes, sha256, requiredMaterialId } = template;
  return { fileName, contentType, sizeBytes, sha256, downloadUrl: templateDownloadUrl(matterId, requiredMaterialId) };
}
