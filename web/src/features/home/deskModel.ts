// Pure helpers of the desk's cards.

/** The quiet-days choices the desk offers. */
export const QUIET_DAYS = [7, 14, 30, 60, 90] as const;

/** A quiet-days value from the URL or storage, or the default (30) when it is not one of the choices. */
export function parseQuietDays(value: string | null | undefined): number {
  const n = Number(value);
  return (QUIET_DAYS as readonly number[]).includes(n) ? n : 30;
}

/** Whole days between a time and now (0 for today or the future). */
export function daysSince(ms: number, now: number): number {
  return Math.max(0, Math.floor((now - ms) / 86_400_000));
}
