/**
 * Tables of src/analytics/views and src/analytics/knowledge (added to Database in ../schema.ts;
 * docs/analytics/knowledge.md).
 */

/** The first view of a topic or article by a signed-in member on one UTC day (the dedupe key of `topic.viewed` / `article.viewed`); days before yesterday are pruned (views.prune.ts). */
export interface ContentViewTable {
  user_id: number;
  subject_type: 'topic' | 'article';
  subject_id: number;
  /** 'YYYY-MM-DD' (UTC). */
  day: string;
}

/** Per community per month: articles created and the reuse of its articles (kept by `knowledgeStep`). */
export interface AnalyticsKnowledgeMonthTable {
  community_id: number;
  /** 'YYYY-MM'. */
  month: string;
  articles_created: number;
  /** article.viewed rows (one per member per article per day), the article's author's own left out. */
  views: number;
  /** Links to its articles (from any post or article) recorded that month. */
  links: number;
  /** Members who said "I applied this" on one of its articles that month (once per member and article). */
  applied: number;
}

/** Per article per month: its reuse (same measures as the community month). */
export interface AnalyticsArticleMonthTable {
  article_id: number;
  month: string;
  community_id: number;
  views: number;
  links: number;
  applied: number;
}

/**
 * Per community per tag: how demonstrated expertise (expertise_evidence) is spread. Scores are the
 * decayed sums scaled to a fixed epoch (so shares never go stale as time passes: every member's
 * evidence decays by the same factor).
 */
export interface AnalyticsKnowledgeTagTable {
  community_id: number;
  tag: string;
  /** Σ over members of max(0, member score). */
  score: number;
  /** Evidence items carrying the tag in the community. */
  evidence: number;
  /** Members with a positive score. */
  holders: number;
  top1_user_id: number | null;
  top1_score: number;
  top2_user_id: number | null;
  top2_score: number;
}

/**
 * The article links each post or article body held at the last refresh (a mirror of `links` to
 * articles): when a body is edited, the months of the links it lost are known and counted again.
 */
export interface AnalyticsArticleLinkSourceTable {
  source_type: 'post' | 'article';
  source_id: number;
  article_id: number;
  /** The linked article's community. */
  community_id: number;
  /** 'YYYY-MM' of the link's created_at. */
  month: string;
}

/** The last act (any verb but views) of a member in a community. */
export interface AnalyticsMemberLastTable {
  community_id: number;
  user_id: number;
  last_at: string;
}

export interface ContentViewsTables {
  content_views: ContentViewTable;
  analytics_knowledge_months: AnalyticsKnowledgeMonthTable;
  analytics_article_months: AnalyticsArticleMonthTable;
  analytics_knowledge_tags: AnalyticsKnowledgeTagTable;
  analytics_article_link_sources: AnalyticsArticleLinkSourceTable;
  analytics_member_last: AnalyticsMemberLastTable;
}
