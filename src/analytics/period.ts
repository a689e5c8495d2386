import { Type } from '@sinclair/typebox';
import { fieldError } from '../core/http/errors.ts';

/** 'YYYY-MM-DD' of an ISO time (UTC). */
export const dayOf = (iso: string): string => iso.slice(0, 10);
/** 'YYYY-MM' of an ISO time (UTC). */
export const monthOf = (iso: string): string => iso.slice(0, 7);

/** The Monday (UTC) that starts the ISO week holding `iso`, as 'YYYY-MM-DD'. */
export function weekOf(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The `count` months ending with `last` (inclusive), oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const out = [last];
  while (out.length < count) out.unshift(previousMonth(out[0]!));
  return out;
}

/** First instant of a month, and of the month after it, as ISO strings (for created_at ranges). */
export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01T00:00:00.000Z`, to: `${nextMonth(month)}-01T00:00:00.000Z` };
}

/** The window a dashboard shows: the last `months` whole or current months up to `now`. */
export interface HealthWindow {
  months: string[];
  /** First instant of the first month. */
  from: string;
  /** `now`, ISO. */
  to: string;
}

export const WINDOW_DEFAULT = 12;
export const WINDOW_MAX = 36;

/**
 * The window of the last `months` months up to `now` (1–36, default 12). Routes validate `?months=`
 * with WindowQuery (a 400 naming `months`); this throws the same for a value that slipped through.
 */
export function healthWindow(now: Date, months: number = WINDOW_DEFAULT): HealthWindow {
  if (!Number.isInteger(months) || months < 1 || months > WINDOW_MAX) throw fieldError('months', `must be a whole number from 1 to ${WINDOW_MAX}`);
  const list = monthsEnding(monthOf(now.toISOString()), months);
  return { months: list, from: monthRange(list[0]!).from, to: now.toISOString() };
}

/** The `?months=` query every health page and API route takes. */
export const WindowQuery = Type.Object({ months: Type.Optional(Type.Integer({ minimum: 1, maximum: WINDOW_MAX, default: WINDOW_DEFAULT, description: `How many months to show, ending with the current one (1–${WINDOW_MAX}).` })) });
