interface Counted {
  id: string;
  counters?: { taken?: number; take?: number };
}

interface SavedProcess {
  execution?: { children?: Counted[]; flows?: Counted[] };
}

/** Where a process has been, read from its saved engine state: each element passed (and how often) and each flow taken. */
export function pathTaken(state: object): { visited: { elementId: string; times: number }[]; flowsTaken: string[] } {
  const definitions = (state as { definitions?: { execution?: { processes?: SavedProcess[] } }[] }).definitions ?? [];
  const processes = definitions.flatMap((definition) => definition.execution?.processes ?? []);
  const children = processes.flatMap((process) => process.execution?.children ?? []);
  const flows = processes.flatMap((process) => process.execution?.flows ?? []);
  return {
    visited: children.filter((child) => (child.counters?.taken ?? 0) > 0).map((child) => ({ elementId: child.id, times: child.counters!.taken! })),
    flowsTaken: flows.filter((flow) => (flow.counters?.take ?? 0) > 0).map((flow) => flow.id),
  };
}
