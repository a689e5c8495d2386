import { AppError, badRequest, conflict, forbidden, notFound, type FieldIssue } from '../core/http/errors.ts';

/** The errors communities answer with, all on the shared codes of core/http/errors.ts. */
export const communityErrors = {
  /** 404: no such community, or one the actor may not know about. */
  notFound: () => notFound('Community'),
  /** 400 naming each bad field. */
  invalid: (issues: FieldIssue[]) => badRequest(issues.map((i) => i.message).join('; '), issues),
  /** 409: the slug belongs to another community. */
  slugTaken: (slug: string) =>
    conflict(`The address "${slug}" is already used by another community; choose another slug.`, [{ field: 'slug', message: `Slug "${slug}" is already taken` }]),
  /** 409: the only steward cannot go. */
  lastSteward: () =>
    conflict('A community needs at least one steward. Make another member a steward first, then try again.'),
  memberNotFound: (username: string) => new AppError(404, 'NOT_FOUND', `${username} is not a member of this community.`),
  requestNotFound: () => notFound('Join request'),
  invitationNotFound: () => notFound('Invitation'),
  alreadyMember: () => conflict('You are already a member of this community.'),
  notMember: () => conflict('You are not a member of this community.'),
  /** 403: admins read private content only as members (so access is never silent). */
  joinFirst: () => forbidden('This community is private: join it first to see and manage its content.'),
  forbidden: (message: string) => forbidden(message),
  conflict: (message: string) => conflict(message),
  userNotFound: (field: string, username: string) => new AppError(400, 'VALIDATION_FAILED', `${field}: no one has the username "${username}"`, [{ field, message: `No one has the username "${username}"` }]),
};
