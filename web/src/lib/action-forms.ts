/** What each action takes besides its comment (TransitionDto), and the request body built from the form. No imports: jest tests it. */
export type ActionField = 'competentAuthority' | 'specialProcedure' | 'supplementItems' | 'postal' | 'pickup';

export const ACTION_FIELDS: Record<string, ActionField[]> = {
  refuse: ['competentAuthority'],
  startSpecialProcedure: ['specialProcedure'],
  requestSupplement: ['supplementItems'],
  deliver: ['postal'],
  pickUp: ['pickup'],
};

export interface ActionValues {
  comment?: string;
  competentAuthority?: string;
  specialProcedure?: { kind?: string; expectedWorkingDays?: number };
  supplementItems?: { requiredMaterialId?: string; problem?: string }[];
  postal?: Record<string, string>;
  pickup?: Record<string, string>;
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Only the fields this action takes, empty ones left out (the API refuses unknown and empty values alike). */
export function actionBody(action: string, values: ActionValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (!blank(values.comment)) body.comment = values.comment!.trim();
  for (const field of ACTION_FIELDS[action] ?? []) {
    const value = values[field];
    if (field === 'supplementItems') {
      body.supplementItems = (values.supplementItems ?? [])
        .filter((item) => !blank(item?.problem))
        .map((item) => (blank(item.requiredMaterialId) ? { problem: item.problem!.trim() } : { requiredMaterialId: item.requiredMaterialId, problem: item.problem!.trim() }));
    } else if (!blank(value)) {
      body[field] = value;
    }
  }
  return body;
}
