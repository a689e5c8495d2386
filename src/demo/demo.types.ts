import type { CommunityRole, Formality, JoinPolicy, Locality, Visibility } from '../core/db/schema.ts';

/** A demo member. Every demo account signs in with DEMO_PASSWORD. */
export interface DemoPerson {
  username: string;
  displayName: string;
  discipline: string;
  location: string;
  timeZone: string;
  bio: string;
  role?: 'admin' | 'member';
  /** How long ago the account was made, in days. */
  joinedDaysAgo: number;
}

/** A demo community and who is in it, by username. The first steward is its creator. */
export interface DemoCommunity {
  slug: string;
  name: string;
  domainStatement: string;
  description: string;
  formality: Formality;
  sponsor: string;
  locality: Locality;
  location: string;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  tags: string[];
  createdDaysAgo: number;
  members: { username: string; role: CommunityRole }[];
  /** People who asked to join and wait for a decision. */
  pendingRequests?: { username: string; message: string }[];
  /** People invited by the creator who have not answered yet. */
  pendingInvitations?: string[];
}

/** One reply in a demo topic, posted `hoursLater` after the opening post. */
export interface DemoReply {
  author: string;
  hoursLater: number;
  body: string;
}

/** A demo discussion or question; its opening post is `body`. */
export interface DemoTopic {
  community: string;
  kind: 'discussion' | 'question';
  title: string;
  author: string;
  daysAgo: number;
  body: string;
  replies: DemoReply[];
}
