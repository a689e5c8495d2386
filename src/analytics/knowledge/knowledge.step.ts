import { breathe } from '../pace.ts';
import type { AnalyticsStep } from '../refresh.ts';
import { monthOf } from '../period.ts';
import { communitiesWithoutSpread, periodKey, recomputeKnowledgeMonth, recomputeTagSpread, tagsOfSubjects, upsertLastActs } from './knowledge.rollup.ts';
import { syncAllLinkSources, syncLinkSources } from './link-sources.ts';

/** Verbs whose (community, month) holds articles created or reuse events. */
const MONTH_VERBS = new Set(['article.created', 'article.viewed', 'knowledge.applied', 'knowledge.imported']);
/** Verbs that write a post's body (so its links), by subject post; topic.created names the topic. */
const POST_BODY_VERBS = new Set(['post.created', 'post.edited']);
/** Verbs that write an article's body. */
const ARTICLE_BODY_VERBS = new Set(['article.created', 'article.edited', 'article.restored']);
/** Imports write many bodies without naming them in the stream: the whole link mirror is compared. */
const IMPORT_VERBS = new Set(['knowledge.imported', 'import.completed']);
/**
 * Verbs that change demonstrated expertise (expertise_evidence) of their subject only: the spread of
 * that subject's tags is computed again.
 */
const SUBJECT_EVIDENCE_VERBS = new Set([
  'post.voted', 'answer.accepted', 'answer.unaccepted', 'knowledge.applied', 'knowledge.applied_withdrawn', 'post.deleted',
  'article.endorsed', 'article.reconfirmed', 'article.superseded', 'article.archived', 'article.owner_added', 'article.owner_removed',
]);
/** Verbs that may move evidence between tags or communities, or lose the subject's tags: the whole community is computed again. */
const COMMUNITY_EVIDENCE_VERBS = new Set(['article.deleted', 'article.edited', 'article.restored', 'post.edited', 'topic.moved', 'topic.merged', 'import.completed', 'knowledge.imported']);
/** Reading is not acting: views do not end a member's quiet. */
const VIEW_VERBS = new Set(['topic.viewed', 'article.viewed']);

/**
 * Keeps the knowledge-health rollups (docs/analytics/knowledge.md): per (community, month) articles
 * created and reuse (views, links, "I applied this"), per article the same (with a mirror of each
 * body's article links, so an edit that removes one is counted); per (community, tag) how
 * expertise is spread; per (community, member) the last act. Each touched period or community is
 * recomputed whole from its source tables, so the step is idempotent and backdated rows land right.
 */
export const knowledgeStep: AnalyticsStep = {
  name: 'knowledge',
  tables: ['analytics_knowledge_months', 'analytics_article_months', 'analytics_knowledge_tags', 'analytics_article_link_sources', 'analytics_member_last'],
  begin(db, _now, pace) {
    const periods = new Set<string>();
    const sources = { posts: new Set<number>(), topics: new Set<number>(), articles: new Set<number>() };
    let allLinks = false;
    const evidence = new Set<number>();
    const evidenceSubjects = new Map<number, { posts: Set<number>; articles: Set<number> }>();
    const last = new Map<string, string>();
    return {
      add(rows) {
        for (const r of rows) {
          if (r.communityId === null) continue;
          if (MONTH_VERBS.has(r.verb)) periods.add(periodKey(r.communityId, monthOf(r.at)));
          if (r.subjectId !== null) {
            if (POST_BODY_VERBS.has(r.verb) && r.subjectType === 'post') sources.posts.add(r.subjectId);
            if (r.verb === 'topic.created' && r.subjectType === 'topic') sources.topics.add(r.subjectId);
            if (ARTICLE_BODY_VERBS.has(r.verb) && r.subjectType === 'article') sources.articles.add(r.subjectId);
          }
          if (IMPORT_VERBS.has(r.verb)) allLinks = true;
          if (COMMUNITY_EVIDENCE_VERBS.has(r.verb)) evidence.add(r.communityId);
          else if (SUBJECT_EVIDENCE_VERBS.has(r.verb) && r.subjectId !== null) {
            const subjects = evidenceSubjects.get(r.communityId) ?? evidenceSubjects.set(r.communityId, { posts: new Set(), articles: new Set() }).get(r.communityId)!;
            if (r.subjectType === 'post') subjects.posts.add(r.subjectId);
            if (r.subjectType === 'article') subjects.articles.add(r.subjectId);
          }
          if (r.actorId !== null && !VIEW_VERBS.has(r.verb)) {
            const key = `${r.communityId}|${r.actorId}`;
            const seen = last.get(key);
            if (!seen || r.at > seen) last.set(key, r.at);
          }
        }
      },
      async finish() {
        await upsertLastActs(db, last);
        const linked = allLinks ? await syncAllLinkSources(db) : await syncLinkSources(db, { posts: [...sources.posts], topics: [...sources.topics], articles: [...sources.articles] });
        for (const key of linked) periods.add(key);
        for (const key of periods) {
          await recomputeKnowledgeMonth(db, key);
          await breathe(pace);
        }
        // A community seen for the first time (no spread kept yet: a rebuild, seeded evidence) is computed too.
        const seen = new Set([...last.keys()].map((k) => Number(k.split('|')[0])));
        for (const communityId of await communitiesWithoutSpread(db, [...seen].filter((c) => !evidence.has(c)))) evidence.add(communityId);
        for (const communityId of evidence) {
          await recomputeTagSpread(db, communityId);
          await breathe(pace);
        }
        for (const [communityId, subjects] of evidenceSubjects) {
          if (!evidence.has(communityId)) await recomputeTagSpread(db, communityId, await tagsOfSubjects(db, [...subjects.posts], [...subjects.articles]));
        }
      },
    };
  },
};
