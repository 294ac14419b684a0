import type { Actor } from '../common/actor.js';
import type { Message } from '../common/app-error.js';
import type { RequestOrigin } from '../common/request-origin.js';

/** A special procedure being started: which one, and how long it is expected to take (told to the applicant). */
export interface SpecialProcedure {
  kind: string;
  expectedWorkingDays: number;
}

/** One defect a supplementation notice names: a material item (or the filing as a whole) and what is wrong. */
export interface SupplementItemInput {
  requiredMaterialId?: string;
  problem: string;
}

/** What an action carries besides its name: the acting person's comment (意见), and what some actions need. */
export interface TransitionPayload {
  comment: string | null;
  specialProcedure?: SpecialProcedure;
  supplementItems?: SupplementItemInput[];
  /** With `refuse`: the authority to apply to, where the matter is not this organ's. */
  competentAuthority?: string;
  /** With `deliver`: the post that carries the result. */
  postal?: { carrier: string; trackingNumber: string; address: string };
  /** With `pickUp`: who collected the result, on which ID document. */
  pickup?: { name: string; idType: string; idNumber: string };
}

/** A request to move a case: carried out once per command id, by a worker. */
export interface TransitionCommand {
  commandId: string;
  caseId: string;
  action: string;
  /** The element id of the open task meant, where several offer the action (co-departments' reviews); any otherwise. */
  taskId?: string;
  actor: Actor;
  payload: TransitionPayload;
  /** The request's address and user agent, for the trail the worker writes in another process. */
  origin?: RequestOrigin;
}

export interface CaseStage {
  id: string;
  caseNumber: string;
  stage: string;
  stageName: string;
  status: string;
  version: number;
}

/** What became of a command: carried out, or refused with the status and reason a client is told. */
export type TransitionOutcome =
  | { commandId: string; result: 'done'; action: string; case: CaseStage }
  | { commandId: string; result: 'refused'; httpStatus: number; code: string; message: Message; details?: unknown };
