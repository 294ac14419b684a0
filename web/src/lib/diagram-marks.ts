/** What to mark on a process diagram: where a case has been and stands, or where the validator found problems. No imports: jest tests it. */
export interface Mark {
  elementId: string;
  className: 'tb-visited' | 'tb-waiting' | 'tb-failed' | 'tb-ended' | 'tb-problem';
}

export interface Position {
  visited: { elementId: string; times: number }[];
  flowsTaken: string[];
  waitingAt: string[];
  failedAt: string[];
  endedAt: string | null;
}

/** One mark per element, the most telling one winning: failed over waiting over ended over visited. */
export function positionMarks(position: Position): Mark[] {
  const marks = new Map<string, Mark['className']>();
  for (const { elementId } of position.visited) marks.set(elementId, 'tb-visited');
  for (const elementId of position.flowsTaken) marks.set(elementId, 'tb-visited');
  if (position.endedAt) marks.set(position.endedAt, 'tb-ended');
  for (const elementId of position.waitingAt) marks.set(elementId, 'tb-waiting');
  for (const elementId of position.failedAt) marks.set(elementId, 'tb-failed');
  return [...marks].map(([elementId, className]) => ({ elementId, className }));
}

export interface BpmnProblem {
  elementId: string | null;
  rule: string;
  message: { zh: string; en: string };
}

/** The validator's problems (422 BPMN_INVALID details.problems), by element; problems of the file as a whole under null. */
export function problemsByElement(details: unknown): Map<string | null, BpmnProblem[]> {
  const problems = (details as { problems?: BpmnProblem[] } | null)?.problems;
  const byElement = new Map<string | null, BpmnProblem[]>();
  for (const problem of Array.isArray(problems) ? problems : []) {
    byElement.set(problem.elementId, [...(byElement.get(problem.elementId) ?? []), problem]);
  }
  return byElement;
}

/** Whether a BPMN file carries its own diagram (BPMN DI); one without is laid out in the browser before drawing. */
export const hasDiagram = (xml: string) => /<(\w+:)?BPMNDiagram\b/.test(xml);
