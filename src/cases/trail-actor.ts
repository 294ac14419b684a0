/** Who a trail entry names: a person, or the platform itself for what its handlers and timers did. */
export interface TrailActor {
  id: string | null;
  displayName: string;
  role: string;
}

export const SYSTEM_ACTOR: TrailActor = { id: null, displayName: '通办平台 Tongban platform', role: 'system' };
