import type { Db } from '../../core/db/index.ts';
import { api, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { countRows } from '../../knowledge/articles/articles.fixtures.ts';

/** Row counts of the mentoring tables plus activity and notifications, for "writes nothing" assertions. */
export async function mentoringCounts(db: Db): Promise<number[]> {
  const tables = ['mentor_offers', 'mentoring_requests', 'mentoring_request_skills', 'mentorships', 'mentorship_goals', 'mentorship_checkins', 'mentorship_feedback', 'activity', 'notifications'] as const;
  return Promise.all(tables.map((t) => countRows(db, t)));
}

/** A new member, signed in, with a time zone. */
export async function person(t: TestApp, over: { timeZone?: string; role?: 'admin' | 'member'; name?: string } = {}): Promise<Browser & { username: string; displayName: string }> {
  const u = await makeUser(t.deps.db, { time_zone: over.timeZone ?? 'Europe/Berlin', role: over.role ?? 'member', ...(over.name ? { display_name: over.name } : {}) });
  return { ...(await signInAs(t, u.id)), username: u.username, displayName: u.display_name };
}

/** Offers mentoring through the API; fails the test unless it is saved. */
export async function offerVia(t: TestApp, b: Omit<Browser, 'userId'>, fields: Record<string, unknown> = {}): Promise<void> {
  const res = await api(t, 'PUT', '/api/v1/mentoring/offer', { skills: ['SQL'], capacity: 2, timeZone: 'Europe/Berlin', ...fields }, b);
  if (res.statusCode !== 200) throw new Error(`could not offer: ${res.statusCode} ${res.body}`);
}

/** Asks for mentoring through the API; fails the test unless the request is made. Returns its id. */
export async function requestVia(t: TestApp, b: Omit<Browser, 'userId'>, fields: Record<string, unknown> = {}): Promise<number> {
  const res = await api(t, 'POST', '/api/v1/mentoring/requests', { goals: 'Write faster queries.', skills: ['SQL'], ...fields }, b);
  if (res.statusCode !== 201) throw new Error(`could not request: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: number }).id;
}

/** Requests `mentor` and has them accept; returns the mentorship id. */
export async function mentorshipVia(t: TestApp, mentee: Omit<Browser, 'userId'>, mentor: Omit<Browser, 'userId'> & { username: string }): Promise<number> {
  const id = await requestVia(t, mentee, { mentor: mentor.username });
  const res = await api(t, 'POST', `/api/v1/mentoring/requests/${id}/accept`, {}, mentor);
  if (res.statusCode !== 201) throw new Error(`could not accept: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: number }).id;
}
