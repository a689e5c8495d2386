import type { Db } from '../core/db/index.ts';
import type { InvitationTable, JoinRequestTable } from '../core/db/schema.ts';
import type { Cursor } from '../core/http/pagination.ts';

/** A join request as lists show it. */
export interface JoinRequestView {
  id: number;
  communityId: number;
  user: { id: number; username: string; displayName: string };
  message: string;
  status: JoinRequestTable['status'];
  createdAt: string;
}

/** An invitation as the invitee's list shows it. */
export interface InvitationView {
  id: number;
  communityId: number;
  community: { slug: string; name: string; domainStatement: string };
  invitee: { username: string; displayName: string };
  invitedBy: { username: string; displayName: string };
  status: InvitationTable['status'];
  createdAt: string;
}

function requestQuery(db: Db) {
  return db
    .selectFrom('join_requests')
    .innerJoin('users', 'users.id', 'join_requests.user_id')
    .select(['join_requests.id', 'join_requests.community_id', 'join_requests.message', 'join_requests.status', 'join_requests.created_at', 'users.id as user_id', 'users.username', 'users.display_name']);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

function toRequest(r: RequestRow): JoinRequestView {
  return { id: r.id, communityId: r.community_id, user: { id: r.user_id, username: r.username, displayName: r.display_name }, message: r.message, status: r.status, createdAt: r.created_at };
}

/** The person's pending request to join, if any. */
export async function findPendingRequest(db: Db, communityId: number, userId: number): Promise<JoinRequestView | undefined> {
  const r = await requestQuery(db).where('join_requests.community_id', '=', communityId).where('join_requests.user_id', '=', userId).where('join_requests.status', '=', 'pending').executeTakeFirst();
  return r && toRequest(r);
}

/** One request of one community by id. */
export async function findRequest(db: Db, communityId: number, id: number): Promise<JoinRequestView | undefined> {
  const r = await requestQuery(db).where('join_requests.community_id', '=', communityId).where('join_requests.id', '=', id).executeTakeFirst();
  return r && toRequest(r);
}

/** Inserts a pending request and returns its id. */
export async function insertRequest(db: Db, communityId: number, userId: number, message: string, at: string): Promise<number> {
  const r = await db.insertInto('join_requests').values({ community_id: communityId, user_id: userId, message, status: 'pending', created_at: at }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Pending requests, oldest first, keyset-paginated on id. */
export async function listPendingRequests(db: Db, communityId: number, page: { limit: number; after: Cursor | null }): Promise<JoinRequestView[]> {
  let q = requestQuery(db).where('join_requests.community_id', '=', communityId).where('join_requests.status', '=', 'pending');
  if (page.after) q = q.where('join_requests.id', '>', page.after.id);
  return (await q.orderBy('join_requests.id').limit(page.limit).execute()).map(toRequest);
}

/** Closes a pending request (approved, rejected, withdrawn); returns false if it was not pending. */
export async function decideRequest(db: Db, id: number, status: 'approved' | 'rejected' | 'withdrawn', by: number | null, at: string): Promise<boolean> {
  const r = await db.updateTable('join_requests').set({ status, decided_by: by, decided_at: at }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Withdraws the person's pending requests to a community (they became a member another way). */
export async function withdrawPendingRequests(db: Db, communityId: number, userId: number, at: string): Promise<void> {
  await db.updateTable('join_requests').set({ status: 'withdrawn', decided_at: at }).where('community_id', '=', communityId).where('user_id', '=', userId).where('status', '=', 'pending').execute();
}

function invitationQuery(db: Db) {
  return db
    .selectFrom('invitations')
    .innerJoin('communities', 'communities.id', 'invitations.community_id')
    .innerJoin('users as invitee', 'invitee.id', 'invitations.invitee_id')
    .innerJoin('users as inviter', 'inviter.id', 'invitations.invited_by')
    .select([
      'invitations.id', 'invitations.community_id', 'invitations.invitee_id', 'invitations.status', 'invitations.created_at',
      'communities.slug', 'communities.name', 'communities.domain_statement',
      'invitee.username as invitee_username', 'invitee.display_name as invitee_display_name',
      'inviter.username as inviter_username', 'inviter.display_name as inviter_display_name',
    ]);
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>['executeTakeFirstOrThrow']>>;

function toInvitation(r: InvitationRow): InvitationView & { inviteeId: number } {
  return {
    id: r.id,
    communityId: r.community_id,
    inviteeId: r.invitee_id,
    community: { slug: r.slug, name: r.name, domainStatement: r.domain_statement },
    invitee: { username: r.invitee_username, displayName: r.invitee_display_name },
    invitedBy: { username: r.inviter_username, displayName: r.inviter_display_name },
    status: r.status,
    createdAt: r.created_at,
  };
}

/** One invitation by id. */
export async function findInvitation(db: Db, id: number) {
  const r = await invitationQuery(db).where('invitations.id', '=', id).executeTakeFirst();
  return r && toInvitation(r);
}

/** The person's pending invitation to a community, if any. */
export async function findPendingInvitation(db: Db, communityId: number, inviteeId: number) {
  const r = await invitationQuery(db).where('invitations.community_id', '=', communityId).where('invitations.invitee_id', '=', inviteeId).where('invitations.status', '=', 'pending').executeTakeFirst();
  return r && toInvitation(r);
}

/** The person's pending invitations, newest first. */
export async function listPendingInvitations(db: Db, inviteeId: number) {
  const rows = await invitationQuery(db).where('invitations.invitee_id', '=', inviteeId).where('invitations.status', '=', 'pending').orderBy('invitations.id', 'desc').limit(100).execute();
  return rows.map(toInvitation);
}

/** Inserts a pending invitation and returns its id. */
export async function insertInvitation(db: Db, communityId: number, inviteeId: number, invitedBy: number, at: string): Promise<number> {
  const r = await db.insertInto('invitations').values({ community_id: communityId, invitee_id: inviteeId, invited_by: invitedBy, status: 'pending', created_at: at }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Closes the person's pending invitations to a community; returns how many were pending. */
export async function decideInvitations(db: Db, communityId: number, inviteeId: number, status: 'accepted' | 'declined', at: string): Promise<number> {
  const r = await db.updateTable('invitations').set({ status, decided_at: at }).where('community_id', '=', communityId).where('invitee_id', '=', inviteeId).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows);
}
