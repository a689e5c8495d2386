import type { CsvColumn } from '../csv.ts';
import type { KnowledgeDto } from './knowledge.schema.ts';

type Row<K extends keyof KnowledgeDto> = KnowledgeDto[K] extends ReadonlyArray<infer R> ? R : never;

/** One CSV download of the knowledge page: its columns, its rows, and whether only stewards may have it. */
export interface KnowledgeTable {
  individuals: boolean;
  columns: Array<CsvColumn<never>>;
  rows: (k: KnowledgeDto) => readonly unknown[];
}
const table = <T,>(individuals: boolean, columns: Array<CsvColumn<T>>, rows: (k: KnowledgeDto) => readonly T[]): KnowledgeTable => ({ individuals, columns: columns as Array<CsvColumn<never>>, rows });

const pct = (x: number) => Math.round(x * 1000) / 10;

/** Person-level rows of the tags at risk (stewards only): each expert and each suggested apprentice. */
export interface AtRiskPersonRow {
  tag: string;
  role: 'expert' | 'apprentice';
  username: string;
  displayName: string;
  detail: string;
}
export function atRiskPeople(k: KnowledgeDto): AtRiskPersonRow[] {
  return k.atRisk.flatMap((r) => [
    ...(r.people?.experts ?? []).map((e) => ({ tag: r.tag, role: 'expert' as const, username: e.username, displayName: e.displayName, detail: e.lastActAt ? `last act ${e.lastActAt.slice(0, 10)}` : 'no act recorded' })),
    ...(r.people?.apprentices ?? []).map((a) => ({ tag: r.tag, role: 'apprentice' as const, username: a.username, displayName: a.displayName, detail: `evidence ${a.evidenceScore}; ${a.recentAnswers} answers and ${a.recentQuestions} questions in 90 days` })),
  ]);
}

/** The knowledge page's CSV downloads, by file name (/c/:slug/health/knowledge/<name>.csv). */
export const knowledgeTables: Record<string, KnowledgeTable> = {
  months: table<Row<'monthly'>>(false, [
    { header: 'month', value: (r) => r.month },
    { header: 'articles_created', value: (r) => r.articlesCreated },
    { header: 'views', value: (r) => r.views },
    { header: 'links', value: (r) => r.links },
    { header: 'applied', value: (r) => r.applied },
    { header: 'reuse_events', value: (r) => r.reuseEvents },
  ], (k) => k.monthly),
  'most-reused': table<Row<'mostReused'>>(false, [
    { header: 'article_id', value: (r) => r.id },
    { header: 'title', value: (r) => r.title },
    { header: 'state', value: (r) => r.state },
    { header: 'views', value: (r) => r.views },
    { header: 'links', value: (r) => r.links },
    { header: 'applied', value: (r) => r.applied },
    { header: 'reuse_events', value: (r) => r.reuseEvents },
  ], (k) => k.mostReused),
  'due-for-review': table<Row<'dueForReview'>>(false, [
    { header: 'article_id', value: (r) => r.id },
    { header: 'title', value: (r) => r.title },
    { header: 'state', value: (r) => r.state },
    { header: 'review_due_at', value: (r) => r.reviewDueAt },
    { header: 'overdue', value: (r) => (r.overdue ? 'yes' : 'no') },
    { header: 'owners', value: (r) => r.owners.map((o) => o.displayName).join('; ') },
  ], (k) => k.dueForReview),
  'at-risk': table<Row<'atRisk'>>(false, [
    { header: 'tag', value: (r) => r.tag },
    { header: 'experts', value: (r) => r.experts },
    { header: 'share_held_percent', value: (r) => pct(r.share) },
    { header: 'evidence', value: (r) => r.evidence },
    { header: 'holders', value: (r) => r.holders },
    { header: 'quiet_days', value: (r) => r.quietDays },
  ], (k) => k.atRisk),
  'at-risk-people': table<AtRiskPersonRow>(true, [
    { header: 'tag', value: (r) => r.tag },
    { header: 'role', value: (r) => r.role },
    { header: 'username', value: (r) => r.username },
    { header: 'name', value: (r) => r.displayName },
    { header: 'detail', value: (r) => r.detail },
  ], atRiskPeople),
};
