import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorResponses } from '../../accounts/accounts.schema.ts';
import type { Deps } from '../../core/deps.ts';
import { notFound, unauthenticated } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { UsernameParams } from '../people.schema.ts';
import { contributionsOf } from './contributions.store.ts';
import { followPage, setFollow } from './follows.service.ts';
import { myProfile, updateMyProfile } from './profile.service.ts';
import { ContributionsSchema, FollowPage, FollowQuery, FollowState, MyProfile, ProfilePatchBody, SkillInput, SkillKeyParams, SkillLevelSchema, SkillsBody, UserSkillParams } from './profiles.schema.ts';
import { endorseSkill, putMySkill, removeMySkill, setMySkills } from './skills.service.ts';

const tags = ['people'];
const OwnSkills = Type.Object({ skills: Type.Array(Type.Object({ skill: Type.String(), skillKey: Type.String(), level: SkillLevelSchema })) });
const Endorsement = Type.Object({ endorsements: Type.Integer(), endorsedByYou: Type.Boolean() });

function signedIn(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** The JSON API of professional profiles, skills, endorsements and follows under /api/v1. */
export async function profilesApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/me/profile', { schema: { tags, summary: 'Your professional profile, skills and the visibility of each optional field', response: { 200: MyProfile, ...errorResponses(401) } } }, async (req) =>
    myProfile(deps, signedIn(req).id),
  );

  r.patch('/api/v1/me/profile', { schema: { tags, summary: 'Update your professional profile and field visibilities (only the fields sent)', body: ProfilePatchBody, response: { 200: MyProfile, ...errorResponses(400, 401) } } }, async (req) =>
    updateMyProfile(deps, signedIn(req).id, req.body),
  );

  r.put('/api/v1/me/skills', { schema: { tags, summary: 'Replace your declared skills (at most 50); endorsements of skills you keep stay', body: SkillsBody, response: { 200: OwnSkills, ...errorResponses(400, 401) } } }, async (req) => ({
    skills: await setMySkills(deps, signedIn(req).id, req.body.skills),
  }));

  r.post('/api/v1/me/skills', { schema: { tags, summary: 'Declare one skill, or change the level of one you declared', body: SkillInput, response: { 200: OwnSkills, ...errorResponses(400, 401) } } }, async (req) => ({
    skills: await putMySkill(deps, signedIn(req).id, req.body),
  }));

  r.delete('/api/v1/me/skills/:skillKey', { schema: { tags, summary: 'Remove one of your declared skills (its endorsements go with it)', params: SkillKeyParams, response: { 200: OwnSkills, ...errorResponses(401, 404) } } }, async (req) => ({
    skills: await removeMySkill(deps, signedIn(req).id, req.params.skillKey),
  }));

  r.post('/api/v1/users/:username/skills/:skillKey/endorsement', { schema: { tags, summary: "Endorse a member's declared skill (not your own: 403)", params: UserSkillParams, response: { 200: Endorsement, ...errorResponses(401, 403, 404, 409) } } }, async (req) =>
    endorseSkill(deps, signedIn(req), req.params.username, req.params.skillKey, true),
  );

  r.delete('/api/v1/users/:username/skills/:skillKey/endorsement', { schema: { tags, summary: 'Withdraw your endorsement of a skill', params: UserSkillParams, response: { 200: Endorsement, ...errorResponses(401, 403, 404, 409) } } }, async (req) =>
    endorseSkill(deps, signedIn(req), req.params.username, req.params.skillKey, false),
  );

  r.post('/api/v1/users/:username/follow', { schema: { tags, summary: 'Follow a person (following yourself: 400)', params: UsernameParams, response: { 200: FollowState, ...errorResponses(400, 401, 404) } } }, async (req) =>
    setFollow(deps, signedIn(req), req.params.username, true),
  );

  r.delete('/api/v1/users/:username/follow', { schema: { tags, summary: 'Stop following a person', params: UsernameParams, response: { 200: FollowState, ...errorResponses(400, 401, 404) } } }, async (req) =>
    setFollow(deps, signedIn(req), req.params.username, false),
  );

  r.get('/api/v1/users/:username/contributions', { schema: { tags, summary: "A person's contributions: counts and the latest topics, answers, accepted answers and articles, only in communities the caller may read", params: UsernameParams, response: { 200: ContributionsSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const person = await deps.db.selectFrom('users').select('id').where('username', '=', req.params.username.toLowerCase()).executeTakeFirst();
    if (!person) throw notFound('Person');
    return contributionsOf(deps.db, person.id, req.actor);
  });

  for (const direction of ['followers', 'following'] as const) {
    r.get(`/api/v1/users/:username/${direction}`, { schema: { tags, summary: direction === 'followers' ? "A person's followers, newest first" : 'The people a person follows, newest first', params: UsernameParams, querystring: FollowQuery, response: { 200: FollowPage, ...errorResponses(400, 404) } } }, async (req) => {
      const page = await followPage(deps, req.actor, req.params.username, direction, { cursor: req.query.cursor, limit: req.query.limit ?? 20 });
      return { items: page.items, nextCursor: page.nextCursor };
    });
  }
}
