/** The one source of "now", so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** ISO-8601 UTC text, the timestamp format stored in both databases (sorts as text). */
export function iso(d: Date): string {
  return d.toISOString();
}
