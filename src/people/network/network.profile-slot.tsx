import type { InteractionKind } from '../../core/db/tables/network.ts';
import type { ProfileSlotProvider } from '../profile-slots.tsx';
import { memberConnections, type MemberConnections } from './network.member.ts';

const KIND_WORDS: Record<InteractionKind, [string, string]> = { answered: ['answer', 'answers'], replied: ['reply', 'replies'], coauthored: ['article together', 'articles together'], mentored: ['mentorship', 'mentorships'] };
const profile = (username: string) => `/u/${encodeURIComponent(username)}`;

function kindsText(kinds: MemberConnections['partners'][number]['kinds']): string {
  return (Object.keys(kinds) as InteractionKind[]).map((k) => `${kinds[k]} ${KIND_WORDS[k][kinds[k] === 1 ? 0 : 1]}`).join(', ');
}

/** "Connects" on a profile: communities and groups the member bridges, and their strongest interaction partners. */
export function ConnectsSection({ name, c }: { name: string; c: MemberConnections }) {
  return (
    <section aria-labelledby="profile-connects" class="profile-connects">
      <h2 id="profile-connects">Connects</h2>
      {c.bridges.length >= 2 && <p>Bridges {c.bridges.map((b) => b.name).join(' and ')}: strong ties in each.</p>}
      {c.connects.length >= 2 && (
        <p>
          Links otherwise separate groups:{' '}
          {c.connects.map((g, i) => (
            <>
              {i > 0 && ' with '}
              {g.members.map((m) => m.displayName).join(', ')}
              {g.size > g.members.length && ` and ${g.size - g.members.length} more`}
              {g.community && ` (${g.community.name})`}
            </>
          ))}
          .
        </p>
      )}
      {c.partners.length === 0 ? (
        <p class="meta">No interactions with others in communities you can see yet.</p>
      ) : (
        <>
          <h3>Works most with</h3>
          <ul>
            {c.partners.map((p) => (
              <li>
                <a href={profile(p.username)}>{p.displayName}</a> <span class="meta">· {kindsText(p.kinds)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="meta">
        <a href="/network">See the member network</a> · how {name} fits in.
      </p>
    </section>
  );
}

/** What src/people/network shows on a profile page (see ../profile-slots.tsx): only ties the viewer may read. */
export const networkProfileSlot: ProfileSlotProvider = async ({ deps, actor, person }) => ({
  aside: <ConnectsSection name={person.displayName} c={await memberConnections(deps, actor, person.id)} />,
});
