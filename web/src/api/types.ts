/** The shapes of the API's answers that the pages read (see the controllers in src/). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MatterSummary {
  id: string;
  code: string;
  name: string;
  department: { id: string; code: string; name: string };
  kindName: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  onlineServiceLevelName: string;
  siteVisits: number;
}

export interface GuideMaterial {
  id: string;
  name: string;
  description: string;
  isRequired: boolean;
  originalCopies: number;
  photocopies: number;
  sourceName: string;
  formName: string;
  acceptedFormats?: string[];
  template: { fileName: string; downloadUrl: string } | null;
}

export interface ServiceGuide extends MatterSummary {
  legalBasis: string;
  conditions: string;
  fees: string;
  handlingPlace: string;
  handlingHours: string;
  consultationPhone: string;
  complaintPhone: string;
  result: { name: string; typeName: string };
  requiredMaterials: GuideMaterial[];
}

export interface Department {
  id: string;
  code: string;
  name: string;
}

export interface CaseSummary {
  id: string;
  caseNumber: string;
  stage: string;
  stageName: string;
  status: string;
  matterId: string;
  basicInformation: Record<string, string | null>;
  createdAt: string;
  submittedAt: string | null;
  deadlines?: { alert: string | null; legal: string | null; promised: string | null };
}

export interface OpenTask {
  id: string;
  name: string;
  role: string;
  actions: string[];
  yours: boolean;
  deadline: string | null;
}

export interface ClockLimit {
  deadline: string | null;
  remainingDays: number | null;
  overdue: boolean;
}

export interface CaseDetail extends CaseSummary {
  openTasks: OpenTask[];
  clock: { alert: string | null; promised: ClockLimit; legal: ClockLimit; pause: { kindName: { zh: string; en: string } } | null } | null;
  /** Refused or withdrawn, and filed by the reader: the server's rule for filing again (重新申报). */
  mayFileAgain: boolean;
}

export interface StoredMaterial {
  id: string;
  requiredMaterialId: string | null;
  title: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface ChecklistItem {
  id: string;
  name: string;
  isRequired: boolean;
  acceptedFormats: string[];
  pending: StoredMaterial[];
  submitted: { round: number; files: StoredMaterial[] }[];
  /** Walk-in cases only: the paper the window received of the item, or null before it ticks it. */
  paperReceived?: PaperReceipt | null;
}

export interface PaperReceipt {
  originals: number;
  photocopies: number;
  receivedBy: { id: string; name: string };
  receivedAt: string;
}

export interface Checklist {
  acceptingFiles: boolean;
  notice: { round: number; items: { requiredMaterialId: string | null; name: string; problem: string; supplied: boolean | null }[] } | null;
  items: ChecklistItem[];
}
