import { EPOCH, iso, SPAN_MS, type Organisation } from './organisation.ts';
import { progress } from './progress.ts';
import type { Rng } from './random.ts';
import type { Scale } from './scales.ts';
import type { BulkTarget, Column, Row } from './target.ts';
import type { TextWriter } from './text.ts';

const ARTICLE_COLUMNS: Column[] = [['id', 'int'], ['community_id', 'int'], ['author_id', 'int'], ['type', 'text'], ['title', 'text'], ['body', 'text'], ['body_html', 'text'], ['state', 'text'], ['wiki', 'int'], ['revision', 'int'], ['created_at', 'text'], ['updated_at', 'text']];
const OWNER_COLUMNS: Column[] = [['article_id', 'int'], ['user_id', 'int'], ['added_at', 'text']];
const TAG_COLUMNS: Column[] = [['article_id', 'int'], ['community_id', 'int'], ['tag', 'text']];
const ACTIVITY_COLUMNS: Column[] = [['actor_id', 'int'], ['verb', 'text'], ['community_id', 'int'], ['subject_type', 'text'], ['subject_id', 'int'], ['data', 'text'], ['created_at', 'text']];
const TYPES = ['how-to', 'best-practice', 'decision-record', 'story', 'reference'] as const;
/** Lifecycle states with their shares: most articles endorsed or draft, a few proposed, due for review or archived. */
const STATES: Array<[string, number]> = [['draft', 0.3], ['proposed', 0.1], ['endorsed', 0.5], ['needs_review', 0.05], ['archived', 0.05]];

function pickState(rng: Rng): string {
  let u = rng.next();
  for (const [s, p] of STATES) if ((u -= p) < 0) return s;
  return 'endorsed';
}

/** Knowledge articles (longer bodies), each with its author as owner, one to three tags and an activity row. */
export async function generateArticles(target: BulkTarget, scale: Scale, rng: Rng, text: TextWriter, org: Organisation): Promise<void> {
  const bar = progress('articles', scale.articles);
  let rows: { articles: Row[]; owners: Row[]; tags: Row[]; activity: Row[] } = { articles: [], owners: [], tags: [], activity: [] };
  for (let i = 0; i < scale.articles; i++) {
    const id = i + 1;
    const c = org.communityPicker.sample(rng);
    const members = org.members[c]!;
    const author = members[org.activity[c]!.sample(rng)]!;
    const at = iso(EPOCH + Math.floor((SPAN_MS * i) / scale.articles));
    const body = text.body(250);
    rows.articles.push([id, c + 1, author, rng.pick(TYPES), text.title(false), body.markdown, body.html, pickState(rng), rng.chance(0.2) ? 1 : 0, 1, at, at]);
    rows.owners.push([id, author, at]);
    const tags = new Set<string>();
    const want = 1 + rng.int(3);
    while (tags.size < want) tags.add(org.tags[c]![org.tagPicker[c]!.sample(rng)]!);
    for (const tag of tags) rows.tags.push([id, c + 1, tag]);
    rows.activity.push([author, 'article.created', c + 1, 'article', id, '{}', at]);
    if (rows.articles.length >= 2000 || i === scale.articles - 1) {
      const batch = rows;
      rows = { articles: [], owners: [], tags: [], activity: [] };
      await target.transaction(async () => {
        await target.insert('articles', ARTICLE_COLUMNS, batch.articles);
        await target.insert('article_owners', OWNER_COLUMNS, batch.owners);
        await target.insert('article_tags', TAG_COLUMNS, batch.tags);
        await target.insert('activity', ACTIVITY_COLUMNS, batch.activity);
      });
      bar.tick(batch.articles.length, batch.articles.length + batch.owners.length + batch.tags.length + batch.activity.length);
    }
  }
  bar.done();
}
