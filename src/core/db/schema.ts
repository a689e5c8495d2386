import type { Generated } from 'kysely';
import type { LifecycleTables } from './tables/lifecycle.ts';
import type { AttachmentsTables } from './tables/attachments.ts';
import type { CollectionsTables } from './tables/collections.ts';
import type { LinksTables } from './tables/links.ts';
import type { StoriesTables } from './tables/stories.ts';
import type { SearchTables } from './tables/search.ts';
import type { SourcesTables } from './tables/sources.ts';
import type { ProfilesTables } from './tables/profiles.ts';
import type { ExpertiseTables } from './tables/expertise.ts';
import type { RoutingTables } from './tables/routing.ts';
import type { NetworkTables } from './tables/network.ts';
import type { MentoringTables } from './tables/mentoring.ts';
import type { AnalyticsTables } from './tables/analytics.ts';
import type { AnalyticsActivityTables } from './tables/analytics-activity.ts';
import type { AnalyticsQuestionsTables } from './tables/analytics-questions.ts';
import type { ContentViewsTables } from './tables/content-views.ts';
import type { AnalyticsInclusionTables } from './tables/analytics-inclusion.ts';
import type { ValueStoriesTables } from './tables/value-stories.ts';
import type { RelatedTables } from './tables/related.ts';

/** Row types of every table, as Kysely sees them. Timestamps are ISO-8601 UTC text in both dialects. */
export interface UserTable {
  id: Generated<number>;
  username: string;
  email: string;
  password_hash: string | null;
  display_name: string;
  bio: string;
  discipline: string;
  location: string;
  time_zone: string;
  role: 'admin' | 'member';
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type Formality = 'formal' | 'informal';
export type Locality = 'local' | 'distributed';
export type Visibility = 'public' | 'private';
export type JoinPolicy = 'open' | 'approval' | 'invite';
export type CommunityRole = 'steward' | 'moderator' | 'member';

export interface CommunityTable {
  id: Generated<number>;
  slug: string;
  name: string;
  domain_statement: string;
  description: string;
  formality: Formality;
  sponsor: string;
  locality: Locality;
  location: string;
  visibility: Visibility;
  join_policy: JoinPolicy;
  member_count: number;
  /** Who may accept an answer: 'asker', 'steward' or 'asker_or_steward'. */
  accept_by: Generated<'asker' | 'steward' | 'asker_or_steward'>;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface CommunityTagTable {
  community_id: number;
  tag: string;
}

export interface MembershipTable {
  community_id: number;
  user_id: number;
  role: CommunityRole;
  created_at: string;
}

export interface JoinRequestTable {
  id: Generated<number>;
  community_id: number;
  user_id: number;
  message: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

export interface InvitationTable {
  id: Generated<number>;
  community_id: number;
  invitee_id: number;
  invited_by: number;
  status: 'pending' | 'accepted' | 'declined' | 'revoked';
  created_at: string;
  decided_at: string | null;
}

export interface ActivityTable {
  id: Generated<number>;
  actor_id: number | null;
  verb: string;
  community_id: number | null;
  subject_type: string;
  subject_id: number | null;
  data: string;
  created_at: string;
}

export interface TopicTable {
  id: Generated<number>;
  community_id: number;
  author_id: number;
  kind: 'discussion' | 'question';
  title: string;
  reply_count: number;
  last_posted_at: string;
  created_at: string;
  updated_at: string;
  accepted_post_id: number | null;
  answer_count: Generated<number>;
  pinned_at: string | null;
  locked_at: string | null;
  closed_at: string | null;
  close_reason: 'solved_elsewhere' | 'off_domain' | 'duplicate' | null;
  close_note: Generated<string>;
  duplicate_of: number | null;
  merged_into: number | null;
  deleted_at: string | null;
  deleted_reason: Generated<string>;
  deleted_by: number | null;
}

export interface PostTable {
  id: Generated<number>;
  topic_id: number;
  author_id: number;
  body: string;
  created_at: string;
  updated_at: string;
  /** 'opening' (a topic's first post), 'reply' (in a discussion) or 'answer' (to a question). */
  kind: Generated<'opening' | 'reply' | 'answer'>;
  /** Rendered, sanitised HTML of `body`, made at write time. */
  body_html: Generated<string>;
  score: Generated<number>;
  comment_count: Generated<number>;
  edited_at: string | null;
  deleted_at: string | null;
  deleted_reason: Generated<string>;
  deleted_by: number | null;
}

export interface TopicTagTable {
  topic_id: number;
  community_id: number;
  tag: string;
}

export interface TopicCrosspostTable {
  topic_id: number;
  community_id: number;
  created_by: number;
  created_at: string;
}

export interface VoteTable {
  post_id: number;
  user_id: number;
  /** +1 or -1 */
  value: number;
  created_at: string;
  updated_at: string;
}

export interface CommentTable {
  id: Generated<number>;
  post_id: number;
  author_id: number;
  body: string;
  body_html: Generated<string>;
  created_at: string;
  deleted_at: string | null;
}

export interface PostRevisionTable {
  id: Generated<number>;
  post_id: number;
  revision: number;
  editor_id: number;
  /** The topic title at this revision, for opening posts. */
  title: string | null;
  body: string;
  reason: Generated<string>;
  created_at: string;
}

export interface ReactionTable {
  post_id: number;
  user_id: number;
  reaction: string;
  created_at: string;
}

export interface BookmarkTable {
  user_id: number;
  post_id: number;
  created_at: string;
}

export interface WatchTable {
  user_id: number;
  target_type: 'topic' | 'community';
  target_id: number;
  level: 'watch' | 'track' | 'mute';
  created_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: 'mention' | 'reply' | 'answer' | 'accepted' | 'watched_post' | string;
  actor_id: number | null;
  community_id: number | null;
  topic_id: number | null;
  post_id: number | null;
  data: Generated<string>;
  created_at: string;
  read_at: string | null;
}

export interface TopicReadTable {
  user_id: number;
  topic_id: number;
  last_read_post_id: number;
  read_at: string;
}

export interface Database extends LifecycleTables, AttachmentsTables, CollectionsTables, LinksTables, StoriesTables, SearchTables, SourcesTables, ProfilesTables, ExpertiseTables, RoutingTables, NetworkTables, MentoringTables, AnalyticsTables, AnalyticsActivityTables, AnalyticsQuestionsTables, ContentViewsTables, AnalyticsInclusionTables, ValueStoriesTables, RelatedTables {
  users: UserTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  api_tokens: ApiTokenTable;
  communities: CommunityTable;
  community_tags: CommunityTagTable;
  memberships: MembershipTable;
  join_requests: JoinRequestTable;
  invitations: InvitationTable;
  activity: ActivityTable;
  topics: TopicTable;
  posts: PostTable;
  topic_tags: TopicTagTable;
  topic_crossposts: TopicCrosspostTable;
  votes: VoteTable;
  comments: CommentTable;
  post_revisions: PostRevisionTable;
  reactions: ReactionTable;
  bookmarks: BookmarkTable;
  watches: WatchTable;
  notifications: NotificationTable;
  topic_reads: TopicReadTable;
  glossary_terms: GlossaryTermTable;
  articles: ArticleTable;
  article_tags: ArticleTagTable;
  article_owners: ArticleOwnerTable;
  article_revisions: ArticleRevisionTable;
}

/** A community glossary term; `term_key` is lower(term) for uniqueness; `synonyms` a JSON array of strings. */
export interface GlossaryTermTable {
  id: Generated<number>;
  community_id: number;
  term: string;
  term_key: string;
  definition: string;
  definition_html: string;
  synonyms: string;
  /** Term and synonyms, lower-cased, one per line (for search). */
  search_key: Generated<string>;
  owner_id: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

/** A knowledge article; `wiki` is 0/1 (any member may edit when 1); `revision` is the current version number. */
export interface ArticleTable {
  id: Generated<number>;
  community_id: number;
  author_id: number;
  type: string;
  title: string;
  body: string;
  body_html: Generated<string>;
  state: Generated<string>;
  wiki: Generated<number>;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
  edited_at: string | null;
  edited_by: number | null;
}

/** A tag of an article (community_id copied for per-community tag filters). */
export interface ArticleTagTable {
  article_id: number;
  community_id: number;
  tag: string;
}

/** An owner of an article (the author is the first). */
export interface ArticleOwnerTable {
  article_id: number;
  user_id: number;
  added_at: string;
}

/** A stored earlier version of an article: the edit by `editor_id` replaced version `revision`. */
export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  revision: number;
  editor_id: number;
  title: string;
  body: string;
  reason: Generated<string>;
  created_at: string;
}
