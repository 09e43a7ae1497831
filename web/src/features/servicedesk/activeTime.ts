// The minutes an agent spent on a reply or a note, measured from the time the editor was in use:
// each input or focus counts as activity, and a gap longer than IDLE_MS is not counted (the
// agent went away). The agent can change the figure before sending.

/** A pause longer than this is not counted as work. */
export const IDLE_MS = 2 * 60_000;

export interface ActiveTime {
  /** Milliseconds counted so far. */
  total: number;
  /** When the last activity was (null before the first). */
  last: number | null;
}

export const emptyActiveTime: ActiveTime = { total: 0, last: null };

/** Counts the time since the last activity (up to IDLE_MS) and starts a new stretch at `now`. */
export function recordActivity(state: ActiveTime, now: number): ActiveTime {
  if (state.last === null || now < state.last) return { total: state.total, last: now };
  const gap = now - state.last;
  return { total: state.total + Math.min(gap, IDLE_MS), last: now };
}

/** Whole minutes to propose, at least 1 once there was any activity. */
export function activeMinutes(state: ActiveTime): number {
  if (state.last === null) return 0;
  return Math.max(1, Math.round(state.total / 60_000));
}
