/** The process could not take the step asked of it; the case is left as it was. */
export class ProcessEngineError extends Error {}
