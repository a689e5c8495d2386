import { Breadcrumbs, EmptyState, Pager, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import { POINTS } from './expertise.rules.ts';

interface Community {
  slug: string;
  name: string;
}

/** Reputation and badges in a profile's side column. `boards` are the communities whose leaderboard is on. */
export function RecognitionSection(p: { reputation: number; communities: Array<Community & { reputation: number }>; boards: Set<string>; badges: Array<{ badge: string; name: string; description: string; awardedAt: string }> }) {
  return (
    <section aria-labelledby="recognition">
      <h2 id="recognition">Recognition</h2>
      <p>
        Reputation <strong>{p.reputation}</strong>
      </p>
      {p.communities.length > 0 && (
        <ul>
          {p.communities.map((c) => (
            <li>
              {c.name}: {c.reputation}
              {p.boards.has(c.slug) && (
                <>
                  {' '}
                  · <a href={`/c/${c.slug}/leaderboard`}>leaderboard</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>Badges</h3>
      {p.badges.length === 0 ? (
        <p class="meta">No badges yet.</p>
      ) : (
        <ul class="badge-list">
          {p.badges.map((b) => (
            <li title={b.description}>
              <strong>{b.name}</strong> <span class="meta">— {b.description} <TimeAgo at={b.awardedAt} /></span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /c/:slug/leaderboard — members by reputation in this community. */
export function LeaderboardPage(p: { community: Community; items: Array<{ rank: number; username: string; displayName: string; reputation: number }>; nextHref: string | null; canManage: boolean }) {
  return (
    <>
      <Breadcrumbs community={p.community} trail={[{ href: `/c/${p.community.slug}/leaderboard`, label: 'Leaderboard' }]} />
      <h1>Leaderboard of {p.community.name}</h1>
      <p class="meta">
        Reputation here: +{POINTS.answerUpvote} per upvote on an answer, +{POINTS.questionUpvote} per upvote on a question, {POINTS.downvote} per downvote, +{POINTS.acceptedAnswer} per accepted answer, +{POINTS.endorsedArticle} per endorsed article, +{POINTS.applied} each time someone applied their answer or article.
      </p>
      {p.canManage && (
        <p>
          <a href={`/c/${p.community.slug}/leaderboard/settings`}>Leaderboard settings</a>
        </p>
      )}
      {p.items.length === 0 ? (
        <EmptyState title="Nobody has reputation here yet — answer a question to be the first" />
      ) : (
        <table>
          <caption>Members by reputation</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Member</th>
              <th scope="col">Reputation</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((e) => (
              <tr>
                <td>{e.rank}</td>
                <td>
                  <a href={`/u/${e.username}`}>{e.displayName}</a>
                </td>
                <td>{e.reputation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}

/** /c/:slug/leaderboard/settings — stewards turn the leaderboard on or off. */
export function LeaderboardSettingsPage(p: { ctx: ViewContext; community: Community; enabled: boolean }) {
  return (
    <>
      <Breadcrumbs community={p.community} trail={[{ href: `/c/${p.community.slug}/leaderboard/settings`, label: 'Leaderboard settings' }]} />
      <h1>Leaderboard of {p.community.name}</h1>
      <p>The leaderboard is {p.enabled ? 'on: members can see it and it is linked from profiles' : 'off: its page and API answer “not found” and no link shows'}.</p>
      <PostForm ctx={p.ctx} action={`/c/${p.community.slug}/leaderboard/settings`}>
        <input type="hidden" name="leaderboardEnabled" value={p.enabled ? 'false' : 'true'} />
        <button type="submit">{p.enabled ? 'Turn the leaderboard off' : 'Turn the leaderboard on'}</button>
      </PostForm>
    </>
  );
}
