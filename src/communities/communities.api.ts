import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../core/deps.ts';
import { unauthenticated } from '../core/http/errors.ts';
import { loadCommunity, requireActor } from './communities.guard.ts';
import { communityDetail, listCommunities } from './communities.read.ts';
import { CommunityDetail, CommunityPage, DirectoryQuery, SlugParams, communityCreateBody, communityPatchBody, errors } from './communities.schema.ts';
import { createCommunity, updateCommunity } from './communities.service.ts';

const tags = ['communities'];

/** JSON API: the directory, one community, create and edit. */
export async function communitiesApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/communities', {
    schema: {
      tags,
      summary: 'List communities you may see (the directory)',
      description: 'Filter by tag, form and free text over name and domain statement; `mine=1` lists only your communities. Invite-only private communities appear only to their members.',
      querystring: DirectoryQuery,
      response: { 200: CommunityPage, ...errors(400, 401) },
    },
  }, async (req) => {
    const { cursor, limit = 20, mine, ...filters } = req.query;
    if (mine === '1' && !req.actor) throw unauthenticated('Sign in to list your communities.');
    return listCommunities(deps, req.actor, { ...filters, mine: mine === '1' }, { cursor, limit });
  });

  r.post('/api/v1/communities', {
    schema: {
      tags,
      summary: 'Create a community (you become its steward)',
      body: communityCreateBody(deps.config.limits),
      response: { 201: CommunityDetail, ...errors(400, 401, 409) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const row = await createCommunity(deps, actor, req.body);
    const found = await loadCommunity(deps.db, row.slug, actor);
    return reply.status(201).send(await communityDetail(deps, actor, found));
  });

  r.get('/api/v1/communities/:slug', {
    schema: {
      tags,
      summary: 'One community, with your role and what you may do',
      description: 'Non-members of a private community get only its header (no description, stewards, topics or activity).',
      params: SlugParams,
      response: { 200: CommunityDetail, ...errors(404) },
    },
  }, async (req) => communityDetail(deps, req.actor, await loadCommunity(deps.db, req.params.slug, req.actor)));

  r.patch('/api/v1/communities/:slug', {
    schema: {
      tags,
      summary: 'Change a community (stewards and admins)',
      params: SlugParams,
      body: communityPatchBody(deps.config.limits),
      response: { 200: CommunityDetail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const actor = requireActor(req.actor);
    const found = await loadCommunity(deps.db, req.params.slug, actor);
    const row = await updateCommunity(deps, actor, found, req.body);
    return communityDetail(deps, actor, await loadCommunity(deps.db, row.slug, actor));
  });
}
