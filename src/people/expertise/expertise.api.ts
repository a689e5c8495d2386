import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { HALF_LIFE_DAYS } from './expertise.rules.ts';
import { demonstratedExpertise, type TagExpertise } from './expertise.service.ts';
import { errorResponses, ExpertiseQuery, ExpertiseResponse, LeaderboardQuery, LeaderboardResponse, LeaderboardSettings, RecognitionResponse, SlugParams, tags, UsernameParams } from './expertise.schema.ts';
import { findMember, leaderboardCommunity, leaderboardPage, readableIds, recognitionOf, setLeaderboard, stewardOf } from './recognition.service.ts';
import { leaderboardEnabled } from './recognition.store.ts';

/** The API shape of one tag's expertise. */
export function tagExpertiseDto(t: TagExpertise) {
  return {
    tag: t.tag,
    score: t.score,
    communities: t.communities.map((c) => ({ slug: c.communitySlug, name: c.communityName, score: c.score })),
    evidence: t.evidence.map((e) => ({ kind: e.kind, label: e.label, subjectType: e.subjectType, subjectId: e.subjectId, title: e.title, url: e.url, community: e.communitySlug, at: e.at, weight: e.weight, decayedWeight: e.decayedWeight })),
    evidenceCount: t.evidenceCount,
  };
}

/** A member's demonstrated expertise as the viewer may see it (only readable communities' evidence). */
export async function expertiseFor(deps: Deps, viewer: Actor | null, userId: number, tag?: string): Promise<TagExpertise[]> {
  const communityIds = await readableIds(deps, viewer);
  return demonstratedExpertise(deps.db, { userIds: [userId], tags: tag ? [tag.toLowerCase()] : undefined, communityIds, now: deps.clock.now(), evidenceLimit: tag ? 100 : 5 });
}

/** JSON API of demonstrated expertise, reputation, badges and leaderboards. */
export async function expertiseApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/users/:username/expertise', { schema: { tags, summary: 'A member’s demonstrated expertise per tag, with the evidence (decayed, half-life 365 days)', params: UsernameParams, querystring: ExpertiseQuery, response: { 200: ExpertiseResponse, ...errorResponses(400, 404) } } }, async (req) => {
    const person = await findMember(deps, req.params.username);
    const items = await expertiseFor(deps, req.actor, person.id, req.query.tag);
    return { username: person.username, halfLifeDays: HALF_LIFE_DAYS, items: items.map(tagExpertiseDto) };
  });

  r.get('/api/v1/users/:username/recognition', { schema: { tags, summary: 'A member’s reputation (overall and per community) and badges', params: UsernameParams, response: { 200: RecognitionResponse, ...errorResponses(400, 404) } } }, async (req) => {
    const person = await findMember(deps, req.params.username);
    const rec = await recognitionOf(deps, req.actor, person.id);
    return { username: person.username, reputation: rec.reputation, communities: rec.communities.map((c) => ({ slug: c.slug, name: c.name, reputation: c.reputation })), badges: rec.badges };
  });

  r.get('/api/v1/communities/:slug/leaderboard', { schema: { tags, summary: 'A community’s leaderboard by reputation (404 when its stewards turned it off)', params: SlugParams, querystring: LeaderboardQuery, response: { 200: LeaderboardResponse, ...errorResponses(400, 404) } } }, async (req) => {
    const { community } = await leaderboardCommunity(deps, req.actor, req.params.slug);
    const page = await leaderboardPage(deps, community.id, { cursor: req.query.cursor, limit: req.query.limit ?? 20 });
    return { community: community.slug, items: page.items.map((e) => ({ rank: e.rank, username: e.username, displayName: e.displayName, reputation: e.reputation })), nextCursor: page.nextCursor };
  });

  r.get('/api/v1/communities/:slug/leaderboard/settings', { schema: { tags, summary: 'Whether the community’s leaderboard is on (stewards)', params: SlugParams, response: { 200: LeaderboardSettings, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    const { communityId } = await stewardOf(deps, req.actor, req.params.slug);
    return { leaderboardEnabled: await leaderboardEnabled(deps.db, communityId) };
  });

  r.put('/api/v1/communities/:slug/leaderboard/settings', { schema: { tags, summary: 'Turn the community’s leaderboard on or off (stewards)', params: SlugParams, body: LeaderboardSettings, response: { 200: LeaderboardSettings, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    await setLeaderboard(deps, req.actor, req.params.slug, req.body.leaderboardEnabled);
    return { leaderboardEnabled: req.body.leaderboardEnabled };
  });
}
