/** Where a case stood when it was last urged: its stage and the open tasks it waited on. */
export interface UrgeSnapshot {
  caseId: string;
  stage: string;
  taskIds: string[];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * Whether each urged case moved since its last urge: its stage changed, or a task closed or opened (the holder
 * acted, or the case went back to a task it had left). A claim alone is not a move. Cases never urged are absent.
 */
export function casesMoved(cases: { caseId: string; stage: string }[], openTasks: { caseId: string; taskId: string }[], lastUrges: UrgeSnapshot[]): Map<string, boolean> {
  const moved = new Map<string, boolean>();
  for (const urge of lastUrges) {
    const kase = cases.find((candidate) => candidate.caseId === urge.caseId);
    if (!kase) continue;
    const taskIds = openTasks.filter((task) => task.caseId === urge.caseId).map((task) => task.taskId);
    moved.set(urge.caseId, kase.stage !== urge.stage || !sameSet(taskIds, urge.taskIds));
  }
  return moved;
}
