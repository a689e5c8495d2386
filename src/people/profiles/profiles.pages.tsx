import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { UsernameParams } from '../people.schema.ts';
import { followPage, setFollow } from './follows.service.ts';
import { FollowListPage } from './follows.views.tsx';
import { UserSkillParams } from './profiles.schema.ts';
import { endorseSkill } from './skills.service.ts';

const ListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
const PAGE = 30;

function signedIn(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** Profile pages of src/people/profiles: follower lists, and the follow and endorse buttons (plain POST forms). */
export async function profilesPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  for (const direction of ['followers', 'following'] as const) {
    r.get(`/u/:username/${direction}`, { schema: { params: UsernameParams, querystring: ListQuery } }, async (req, reply) => {
      const page = await followPage(deps, req.actor, req.params.username, direction, { cursor: req.query.cursor, limit: PAGE });
      const username = req.params.username.toLowerCase();
      const nextHref = page.nextCursor ? `/u/${username}/${direction}?cursor=${encodeURIComponent(page.nextCursor)}` : null;
      const title = direction === 'followers' ? `Followers of ${page.displayName}` : `Followed by ${page.displayName}`;
      return reply.page(title, <FollowListPage username={username} displayName={page.displayName} direction={direction} page={page} nextHref={nextHref} />);
    });
  }

  for (const [path, on] of [['follow', true], ['unfollow', false]] as const) {
    r.post(`/u/:username/${path}`, { schema: { params: UsernameParams } }, async (req, reply) => {
      await setFollow(deps, signedIn(req), req.params.username, on);
      reply.flash(on ? 'You follow them now.' : 'You no longer follow them.');
      return reply.redirect(`/u/${req.params.username.toLowerCase()}`, 303);
    });
  }

  for (const [path, on] of [['endorse', true], ['unendorse', false]] as const) {
    r.post(`/u/:username/skills/:skillKey/${path}`, { schema: { params: UserSkillParams } }, async (req, reply) => {
      await endorseSkill(deps, signedIn(req), req.params.username, req.params.skillKey, on);
      reply.flash(on ? 'Thank you: your endorsement is recorded.' : 'Your endorsement is withdrawn.');
      return reply.redirect(`/u/${req.params.username.toLowerCase()}#profile-skills`, 303);
    });
  }
}
