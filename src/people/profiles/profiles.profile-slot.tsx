import { TimeAgo } from '../../core/views/components.tsx';
import type { ProfileSlotProvider } from '../profile-slots.tsx';
import { contributionsOf, type ContributionItem } from './contributions.store.ts';

function List({ id, title, count, items, empty }: { id: string; title: string; count: number; items: ContributionItem[]; empty: string }) {
  return (
    <section aria-labelledby={id} class="profile-contributions__kind">
      <h3 id={id}>
        {title} <span class="meta">({count})</span>
      </h3>
      {items.length === 0 ? (
        <p class="meta">{empty}</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li>
              <a href={i.href}>{i.title}</a> <span class="meta">· {i.community} · <TimeAgo at={i.at} /></span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Contributions on a profile: topics, answers, accepted answers and articles, only in communities the viewer may read. */
export const profilesProfileSlot: ProfileSlotProvider = async ({ deps, actor, person }) => {
  const c = await contributionsOf(deps.db, person.id, actor);
  return {
    main: (
      <section aria-labelledby="profile-contributions" class="profile-contributions">
        <h2 id="profile-contributions">Contributions</h2>
        <List id="contrib-accepted" title="Accepted answers" count={c.counts.acceptedAnswers} items={c.acceptedAnswers} empty="No accepted answers in communities you can see." />
        <List id="contrib-articles" title="Articles" count={c.counts.articles} items={c.articles} empty="No articles in communities you can see." />
        <List id="contrib-answers" title="Answers" count={c.counts.answers} items={c.answers} empty="No answers in communities you can see." />
        <List id="contrib-topics" title="Topics started" count={c.counts.topics} items={c.topics} empty="No topics in communities you can see." />
      </section>
    ),
  };
};
