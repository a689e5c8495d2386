import { Migrator, sql, type MigrationResult } from 'kysely';
import type { Db, DialectName } from './index.ts';
import type { Migration } from './migrations/helpers.ts';
import { createAccounts } from './migrations/202611261300_create_accounts.ts';
import { createCommunities } from './migrations/202611261310_create_communities.ts';
import { createActivityAndTopics } from './migrations/202611261320_create_activity_and_topics.ts';
import { createQuestionsAndAnswers } from './migrations/202611261400_create_questions_and_answers.ts';
import { createArticles } from './migrations/202611261600_create_articles.ts';
import { createGlossary } from './migrations/202611261610_create_glossary.ts';
import { addGlossarySearchKey } from './migrations/202611261620_add_glossary_search_key.ts';
import { addArticleLifecycle } from './migrations/202611261700_add_article_lifecycle.ts';
import { createAttachments } from './migrations/202611261710_create_attachments.ts';
import { createCollectionsAndLinks } from './migrations/202611261720_create_collections_and_links.ts';
import { addStoriesAndCaptures } from './migrations/202611261730_add_stories_and_captures.ts';
import { createSearchIndex } from './migrations/202611261800_create_search_index.ts';
import { createImportSources } from './migrations/202611261810_create_import_sources.ts';
import { addProfessionalProfiles } from './migrations/202611261900_add_professional_profiles.ts';
import { createExpertiseAndRecognition } from './migrations/202611261910_create_expertise_and_recognition.ts';
import { createQuestionRouting } from './migrations/202611261920_create_question_routing.ts';
import { createMemberNetwork } from './migrations/202611261930_create_member_network.ts';
import { createMentoring } from './migrations/202611261940_create_mentoring.ts';
import { addListIndexes } from './migrations/202611261950_add_list_indexes.ts';
import { addDuplicateIndex } from './migrations/202611261955_add_duplicate_index.ts';
import { addSupersededIndex } from './migrations/202611261956_add_superseded_index.ts';
import { addActivityFeedIndexes } from './migrations/202611261957_add_activity_feed_indexes.ts';
import { createAnalyticsCore } from './migrations/202611261958_create_analytics_core.ts';
import { createAnalyticsActivity } from './migrations/202611262000_create_analytics_activity.ts';
import { createAnalyticsQuestions } from './migrations/202611262010_create_analytics_questions.ts';
import { createContentViews } from './migrations/202611262020_create_content_views.ts';
import { createAnalyticsInclusion } from './migrations/202611262030_create_analytics_inclusion.ts';
import { createValueStories } from './migrations/202611262040_create_value_stories.ts';
import { createAnalyticsStages } from './migrations/202611262050_create_analytics_stages.ts';
import { createRelatedRankings } from './migrations/202611270020_create_related_rankings.ts';
import { addSearchRecencyIndex } from './migrations/202611270030_add_search_recency_index.ts';
import { addSearchScopeTerms } from './migrations/202611270035_add_search_scope_terms.ts';
import { deferSearchFts } from './migrations/202611270100_defer_search_fts.ts';
import { coverWatchTargets } from './migrations/202611270110_cover_watch_targets.ts';

/** Every migration, in order. Names are `YYYYMMDDHHmm_verb_noun`; never rename or reorder one. */
const migrations: Record<string, Migration> = {
  '202611261300_create_accounts': createAccounts,
  '202611261310_create_communities': createCommunities,
  '202611261320_create_activity_and_topics': createActivityAndTopics,
  '202611261400_create_questions_and_answers': createQuestionsAndAnswers,
  '202611261600_create_articles': createArticles,
  '202611261610_create_glossary': createGlossary,
  '202611261620_add_glossary_search_key': addGlossarySearchKey,
  '202611261700_add_article_lifecycle': addArticleLifecycle,
  '202611261710_create_attachments': createAttachments,
  '202611261720_create_collections_and_links': createCollectionsAndLinks,
  '202611261730_add_stories_and_captures': addStoriesAndCaptures,
  '202611261800_create_search_index': createSearchIndex,
  '202611261810_create_import_sources': createImportSources,
  '202611261900_add_professional_profiles': addProfessionalProfiles,
  '202611261910_create_expertise_and_recognition': createExpertiseAndRecognition,
  '202611261920_create_question_routing': createQuestionRouting,
  '202611261930_create_member_network': createMemberNetwork,
  '202611261940_create_mentoring': createMentoring,
  '202611261950_add_list_indexes': addListIndexes,
  '202611261955_add_duplicate_index': addDuplicateIndex,
  '202611261956_add_superseded_index': addSupersededIndex,
  '202611261957_add_activity_feed_indexes': addActivityFeedIndexes,
  '202611261958_create_analytics_core': createAnalyticsCore,
  '202611262000_create_analytics_activity': createAnalyticsActivity,
  '202611262010_create_analytics_questions': createAnalyticsQuestions,
  '202611262020_create_content_views': createContentViews,
  '202611262030_create_analytics_inclusion': createAnalyticsInclusion,
  '202611262040_create_value_stories': createValueStories,
  '202611262050_create_analytics_stages': createAnalyticsStages,
  '202611270020_create_related_rankings': createRelatedRankings,
  '202611270030_add_search_recency_index': addSearchRecencyIndex,
  '202611270035_add_search_scope_terms': addSearchScopeTerms,
  '202611270100_defer_search_fts': deferSearchFts,
  '202611270110_cover_watch_targets': coverWatchTargets,
};

/** Applies pending migrations. Returns the names applied; throws if one fails (it is rolled back). */
export async function migrateToLatest(db: Db, dialect: DialectName): Promise<string[]> {
  // Kysely looks for its bookkeeping tables by name across every schema; pin them to ours, or another
  // schema's tables (another deployment, a parallel test) would be taken for them.
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const migrator = new Migrator({
    db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: {
      getMigrations: async () =>
        Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, { up: (d) => m.up(d, dialect) }])),
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
}
