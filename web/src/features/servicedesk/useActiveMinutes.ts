// The editor's measured work time (activeTime.ts) as React state: `touch()` on every input or
// focus; `minutes` is the proposed figure until the agent types their own.
import { useCallback, useRef, useState } from 'react';
import { activeMinutes, emptyActiveTime, recordActivity, type ActiveTime } from './activeTime';

export function useActiveMinutes() {
  const state = useRef<ActiveTime>(emptyActiveTime);
  const [measured, setMeasured] = useState(0);
  const [typed, setTyped] = useState<string | null>(null);
  const touch = useCallback(() => {
    state.current = recordActivity(state.current, Date.now());
    setMeasured(activeMinutes(state.current));
  }, []);
  const reset = useCallback(() => {
    state.current = emptyActiveTime;
    setMeasured(0);
    setTyped(null);
  }, []);
  const value = typed ?? String(measured);
  const minutes = Math.max(0, Math.round(Number(value) || 0));
  const lastActivity = useCallback(() => state.current.last, []);
  return { value, minutes, setTyped, touch, reset, lastActivity };
}
