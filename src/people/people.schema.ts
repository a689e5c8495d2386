import { Type, type Static } from '@sinclair/typebox';
import { Private, ProfileDetails } from './profiles/profiles.schema.ts';
import { PageQuery } from '../core/http/pagination.ts';

/*
 * What leaves the server about people. These schemas are the allow-list: no email, no password
 * hash, nothing from a community the viewer may not read.
 */

const OrgRole = Type.Union([Type.Literal('admin'), Type.Literal('member')]);

export const PersonSummary = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  headline: Private(Type.String()),
  discipline: Private(Type.String()),
  location: Private(Type.String()),
  role: OrgRole,
  joinedAt: Type.String(),
});
export type PersonSummary = Static<typeof PersonSummary>;

export const ProfileCommunity = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]),
  role: Type.Union([Type.Literal('steward'), Type.Literal('moderator'), Type.Literal('member')], { description: 'Their role in the community' }),
});
export type ProfileCommunity = Static<typeof ProfileCommunity>;

export const ProfileActivity = Type.Object({
  verb: Type.String({ description: 'What they did, e.g. topic.created, post.created, community.joined' }),
  createdAt: Type.String(),
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  topicId: Type.Union([Type.Integer(), Type.Null()], { description: 'The topic the act concerns, if any' }),
  title: Type.Union([Type.String(), Type.Null()], { description: 'The topic title at the time, if any' }),
});
export type ProfileActivity = Static<typeof ProfileActivity>;

export const Profile = Type.Object({
  ...PersonSummary.properties,
  ...ProfileDetails.properties,
  communities: Type.Array(ProfileCommunity, { description: 'Only communities whose members the viewer may see' }),
  recentActivity: Type.Array(ProfileActivity, { description: 'Only in communities the viewer may read' }),
});
export type Profile = Static<typeof Profile>;

export const UsernameParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) });

export const PeopleQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Matches username, display name, headline, discipline, organisation unit, location, interests, "ask me about" and declared skills (only fields the caller may see)' })),
  ...PageQuery.properties,
});

export const PeoplePage = Type.Object({ items: Type.Array(PersonSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) });
