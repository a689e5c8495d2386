import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../core/http/pagination.ts';
import { Role } from './communities.schema.ts';

const Person = Type.Object({ username: Type.String(), displayName: Type.String() });

/** The actor's place in a community after join, leave or accept. */
export const MembershipState = Type.Object({ role: Type.Union([Role, Type.Null()]), memberCount: Type.Integer() });

export const Member = Type.Object({ username: Type.String(), displayName: Type.String(), role: Role, joinedAt: Type.String() });
export const MemberPage = Type.Object({ items: Type.Array(Member), ...pageInfo });

export const JoinRequest = Type.Object({
  id: Type.Integer(),
  user: Person,
  message: Type.String(),
  status: Type.String({ enum: ['pending', 'approved', 'rejected', 'withdrawn'] }),
  createdAt: Type.String(),
});
export const JoinRequestPage = Type.Object({ items: Type.Array(JoinRequest), ...pageInfo });

export const Invitation = Type.Object({
  id: Type.Integer(),
  community: Type.Object({ slug: Type.String(), name: Type.String(), domainStatement: Type.String() }),
  invitee: Person,
  invitedBy: Person,
  status: Type.String({ enum: ['pending', 'accepted', 'declined', 'revoked'] }),
  createdAt: Type.String(),
});
export const InvitationList = Type.Object({ items: Type.Array(Invitation) });

export const RequestBody = Type.Object({ message: Type.Optional(Type.String({ maxLength: 1000 })) });
export const InviteBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 60 }) });
export const RoleBody = Type.Object({ role: Role });

export const SlugIdParams = Type.Object({ slug: Type.String({ maxLength: 100 }), id: Type.Integer({ minimum: 1 }) });
export const SlugUserParams = Type.Object({ slug: Type.String({ maxLength: 100 }), username: Type.String({ maxLength: 60 }) });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ListQuery = PageQuery;

export type MemberT = Static<typeof Member>;
