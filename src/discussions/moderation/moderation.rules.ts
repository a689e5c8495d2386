import { badRequest, type AppError } from '../../core/http/errors.ts';
import type { Actor, CommunityAccess } from '../../core/permissions/index.ts';
import type { CloseReason } from './topic-state.store.ts';

/**
 * May the actor pin, lock, close, move or merge topics of this community? Its stewards and moderators;
 * organisation admins only while they are members (they join first, visibly, like for reading).
 */
export function canModerate(actor: Actor | null, access: CommunityAccess): boolean {
  if (!actor || access.role === null) return false;
  return access.role === 'steward' || access.role === 'moderator' || actor.role === 'admin';
}

/** The reasons a topic may be closed for, in the order forms offer them. */
export const closeReasons: readonly CloseReason[] = ['solved_elsewhere', 'off_domain', 'duplicate'];

/** How each close reason reads in a sentence ("Closed: …"). */
export const closeReasonLabels: Record<CloseReason, string> = {
  solved_elsewhere: 'solved elsewhere',
  off_domain: 'outside this community’s domain',
  duplicate: 'a duplicate',
};

/** Longest note a moderator may leave with an action. */
export const NOTE_MAX = 500;

const labels: Record<string, string> = { reason: 'Reason', duplicateOf: 'Duplicate of', community: 'Community', targetId: 'Merge target' };

/** A 400 naming one field, its message readable on its own ("Reason must be one of: …"). */
export function invalid(field: string, message: string): AppError {
  const text = `${labels[field] ?? field} ${message}`;
  return badRequest(text, [{ field, message: text }]);
}
