import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { fieldError } from '../../core/http/errors.ts';
import { canEditCommunity } from '../../core/permissions/index.ts';
import { expertiseFor } from './expertise.api.ts';
import { TagEvidencePage } from './expertise.views.tsx';
import { findMember, leaderboardCommunity, leaderboardPage, setLeaderboard, stewardOf } from './recognition.service.ts';
import { leaderboardEnabled } from './recognition.store.ts';
import { LeaderboardPage, LeaderboardSettingsPage } from './recognition.views.tsx';

const TagParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), tag: Type.String({ minLength: 1, maxLength: 60 }) });
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const ListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
const SettingsForm = Type.Object({ leaderboardEnabled: Type.Optional(Type.String({ maxLength: 10 })) }, { additionalProperties: true });

/** Pages: a member's evidence in one tag, a community's leaderboard and its on/off setting. */
export async function expertisePages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/u/:username/expertise/:tag', { schema: { params: TagParams } }, async (req, reply) => {
    const person = await findMember(deps, req.params.username);
    const tag = req.params.tag.toLowerCase();
    const [item] = await expertiseFor(deps, req.actor, person.id, tag);
    return reply.page(`${person.displayName} · expertise in ${tag}`, <TagEvidencePage person={person} tag={tag} item={item ?? null} />);
  });

  r.get('/c/:slug/leaderboard', { schema: { params: SlugParams, querystring: ListQuery } }, async (req, reply) => {
    const { community, access } = await leaderboardCommunity(deps, req.actor, req.params.slug);
    const page = await leaderboardPage(deps, community.id, { cursor: req.query.cursor, limit: 20 });
    const nextHref = page.nextCursor ? `/c/${community.slug}/leaderboard?cursor=${page.nextCursor}` : null;
    return reply.page(`Leaderboard · ${community.name}`, <LeaderboardPage community={community} items={page.items} nextHref={nextHref} canManage={canEditCommunity(req.actor, access)} />);
  });

  r.get('/c/:slug/leaderboard/settings', { schema: { params: SlugParams } }, async (req, reply) => {
    const s = await stewardOf(deps, req.actor, req.params.slug);
    return reply.page(`Leaderboard settings · ${s.name}`, <LeaderboardSettingsPage ctx={reply.viewContext()} community={s} enabled={await leaderboardEnabled(deps.db, s.communityId)} />);
  });

  r.post('/c/:slug/leaderboard/settings', { schema: { params: SlugParams, body: SettingsForm } }, async (req, reply) => {
    const raw = req.body.leaderboardEnabled;
    if (raw !== 'true' && raw !== 'false') throw fieldError('leaderboardEnabled', 'must be true or false');
    await setLeaderboard(deps, req.actor, req.params.slug, raw === 'true');
    reply.flash(raw === 'true' ? 'The leaderboard is on.' : 'The leaderboard is off.');
    return reply.redirect(`/c/${req.params.slug}/leaderboard/settings`, 303);
  });
}
