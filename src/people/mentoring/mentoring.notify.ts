import type { Db } from '../../core/db/index.ts';
import { insertMessageNotifications } from '../../notifications/notifications.store.ts';
import type { PersonRef } from './requests.store.ts';

/** The mentor hears of a request naming them. */
export function notifyRequested(db: Db, r: { id: number; mentee: PersonRef; mentorId: number; skills: string[] }, at: string): Promise<void> {
  const text = `${r.mentee.displayName} asks you for mentoring in ${r.skills.join(', ')}`;
  return insertMessageNotifications(db, [{ userId: r.mentorId, kind: 'mentoring_request', actorId: r.mentee.id, data: { text, url: `/mentoring/requests/${r.id}` }, at }]);
}

/** The mentee hears the mentor's answer. */
export function notifyAnswered(db: Db, a: { accepted: boolean; requestId: number; mentorshipId?: number; mentor: PersonRef; menteeId: number }, at: string): Promise<void> {
  const text = `${a.mentor.displayName} ${a.accepted ? 'accepted' : 'declined'} your mentoring request`;
  const url = a.accepted ? `/mentoring/${a.mentorshipId}` : `/mentoring/requests/${a.requestId}`;
  return insertMessageNotifications(db, [{ userId: a.menteeId, kind: a.accepted ? 'mentoring_accepted' : 'mentoring_declined', actorId: a.mentor.id, data: { text, url }, at }]);
}

/** The other side hears that a mentorship ended. */
export function notifyEnded(db: Db, e: { mentorshipId: number; by: PersonRef; otherId: number }, at: string): Promise<void> {
  return insertMessageNotifications(db, [{ userId: e.otherId, kind: 'mentoring_ended', actorId: e.by.id, data: { text: `${e.by.displayName} ended your mentorship — add your feedback`, url: `/mentoring/${e.mentorshipId}` }, at }]);
}
