import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import type { ValueKind } from '../core/db/tables/value-stories.ts';
import { insertStory } from '../analytics/value/stories.store.ts';
import { cyclesOf } from '../analytics/value/value.measures.ts';
import type { KnowledgeSeedIds } from './knowledge.ts';

interface DemoValueStory {
  community: string;
  author: string;
  daysAgo: number;
  title: string;
  happened: string;
  gained: string;
  valueKind: ValueKind;
  applied?: string;
  realized?: string;
  reframing?: string;
  /** Titles of demo threads and articles of the same community. */
  topics: string[];
  articles?: string[];
}

/** Our own demo stories, told in the framework's prompts and linked to the demo threads they came from. */
export const demoValueStories: DemoValueStory[] = [
  {
    community: 'accessibility-guild',
    author: 'sofia',
    daysAgo: 28,
    title: 'The address dialog stopped losing keyboard users',
    happened: 'I asked how to test focus order in modal dialogs. Amara posted her five checks, Tom shared his browser test helper and Grace added what the research round showed about zoom.',
    gained: 'A checklist I could use that afternoon, and a test I did not have to write from scratch.',
    valueKind: 'immediate',
    applied: 'We moved the "Edit delivery address" dialog to the native dialog element, fixed focus return and added Tom’s test and a 400% zoom check to the release checklist.',
    realized: 'Support tickets about the dialog from keyboard and magnifier users went from a few a month to none since the release.',
    topics: ['How do we test focus order in modal dialogs?'],
    articles: ['Test every modal dialog with the keyboard before review'],
  },
  {
    community: 'accessibility-guild',
    author: 'olivia',
    daysAgo: 18,
    title: 'A table checklist our reporting team now starts from',
    happened: 'Amara shared the checklist for accessible data tables after the dashboard review, and the thread collected corrections from three teams.',
    gained: 'Something to keep: a short, agreed list that I can hand to new people on the reporting team.',
    valueKind: 'potential',
    topics: ['Our checklist for accessible data tables'],
  },
  {
    community: 'data-engineering',
    author: 'diego',
    daysAgo: 20,
    title: 'Late events no longer rewrite yesterday’s numbers',
    happened: 'The thread on late-arriving events compared three approaches; Mei Lin wrote it up as an architecture decision.',
    gained: 'A pattern I understood well enough to argue for, and the people who had already tried it.',
    valueKind: 'both',
    applied: 'We added a correction table to the orders pipeline instead of reprocessing the daily partition.',
    realized: 'Finance stopped seeing Monday’s revenue change on Wednesday; the nightly job runs twenty minutes shorter.',
    reframing: 'We now measure the pipeline by how stable published numbers stay, not only by how fresh they are.',
    topics: ['How are you handling late-arriving events in the daily aggregates?'],
    articles: ['ADR 7: late events go to a correction table, not back into the daily partition'],
  },
  {
    community: 'incident-review',
    author: 'sam',
    daysAgo: 9,
    title: 'Our first blameless review in support',
    happened: 'I read the discussion on keeping a review blameless when one change clearly caused the outage, and the checkout latency review as an example.',
    gained: 'Words for steering a review away from who pushed the change, and a template to follow.',
    valueKind: 'immediate',
    applied: 'I ran our support-tooling outage review with the template and the questions from the thread.',
    reframing: 'The team agreed a good review is one that changes a safeguard, not one that finds a culprit.',
    topics: ['How do we keep a review blameless when one change clearly caused the outage?', 'Review: checkout latency spike on 3 November'],
  },
];

async function idsByTitle(tx: Db, table: 'topics' | 'articles', communityId: number, titles: string[]): Promise<number[]> {
  if (titles.length === 0) return [];
  const rows = await tx.selectFrom(table).select(['id', 'title']).where('community_id', '=', communityId).where('title', 'in', titles).execute();
  return titles.flatMap((t) => rows.filter((r) => r.title === t).map((r) => Number(r.id)));
}

/** Seeds the demo's value-creation stories (src/analytics/value) with the activity recording them would add. */
export async function addDemoValueStories(tx: Db, ids: KnowledgeSeedIds): Promise<void> {
  for (const s of demoValueStories) {
    const communityId = ids.communityId(s.community);
    const authorId = ids.uid(s.author);
    const at = ids.at(s.daysAgo);
    const row = { title: s.title, happened: s.happened, gained: s.gained, value_kind: s.valueKind, applied: s.applied ?? '', realized: s.realized ?? '', reframing: s.reframing ?? '' };
    const cycles = cyclesOf({ gained: row.gained, valueKind: row.value_kind, applied: row.applied, realized: row.realized, reframing: row.reframing });
    const links = { topics: await idsByTitle(tx, 'topics', communityId, s.topics), articles: await idsByTitle(tx, 'articles', communityId, s.articles ?? []), events: [] };
    const id = await insertStory(tx, { ...row, community_id: communityId, author_id: authorId, at }, cycles, links);
    await recordActivity(tx, { actorId: authorId, verb: 'value_story.created', communityId, subjectType: 'value_story', subjectId: id, data: { title: s.title, cycles }, at });
  }
}
