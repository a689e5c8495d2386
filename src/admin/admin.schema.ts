import { Type } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../core/http/pagination.ts';
import { StringEnum } from '../discussions/discussions.schema.ts';
import type { OrgRole } from './admin.store.ts';

export const orgRoles = ['admin', 'member'] as const satisfies readonly OrgRole[];
export const OrgRoleSchema = StringEnum<OrgRole>(orgRoles, { description: 'Organisation role.' });

export const AdminUserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  role: OrgRoleSchema,
  createdAt: Type.String({ format: 'date-time' }),
});

export const AdminCommunitySchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  visibility: StringEnum(['public', 'private'] as const),
  joinPolicy: StringEnum(['open', 'approval', 'invite'] as const),
  memberCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const StatsSchema = Type.Object({ users: Type.Integer(), communities: Type.Integer(), topics: Type.Integer(), posts: Type.Integer() });

export const UserListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Matches username, display name or email.' })),
});
export const UserListSchema = Type.Object({ items: Type.Array(AdminUserSchema), ...pageInfo });
export const CommunityListSchema = Type.Object({ items: Type.Array(AdminCommunitySchema), ...pageInfo });

export const UserIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const RoleBody = Type.Object({ role: OrgRoleSchema }, { additionalProperties: false });
/** The same body from an HTML form, which also carries `_csrf` and where to go back to. */
export const RoleForm = Type.Object({ role: OrgRoleSchema, q: Type.Optional(Type.String({ maxLength: 100 })) });
