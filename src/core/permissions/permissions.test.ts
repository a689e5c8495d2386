import { describe, expect, it } from 'vitest';
import type { CommunityRole, JoinPolicy, Visibility } from '../db/schema.ts';
import { type Actor, canChangeRoles, canEditCommunity, canJoinDirectly, canManageMembers, canPost, canReadCommunity, canSeeCommunity } from './index.ts';

const member: Actor = { id: 1, username: 'm', displayName: 'M', role: 'member' };
const admin: Actor = { id: 2, username: 'a', displayName: 'A', role: 'admin' };
const access = (visibility: Visibility, joinPolicy: JoinPolicy, role: CommunityRole | null) => ({ visibility, joinPolicy, role });

describe('the visibility rule', () => {
  it('lets anyone read a public community', () => {
    expect(canReadCommunity(null, access('public', 'open', null))).toBe(true);
    expect(canReadCommunity(member, access('public', 'invite', null))).toBe(true);
  });

  it('lets only members read a private community, admins included', () => {
    expect(canReadCommunity(null, access('private', 'approval', null))).toBe(false);
    expect(canReadCommunity(member, access('private', 'approval', null))).toBe(false);
    expect(canReadCommunity(admin, access('private', 'approval', null))).toBe(false);
    expect(canReadCommunity(member, access('private', 'approval', 'member'))).toBe(true);
  });

  it('keeps invite-only private communities secret from non-members but not from admins', () => {
    expect(canSeeCommunity(null, access('private', 'invite', null))).toBe(false);
    expect(canSeeCommunity(member, access('private', 'invite', null))).toBe(false);
    expect(canSeeCommunity(admin, access('private', 'invite', null))).toBe(true);
    expect(canSeeCommunity(member, access('private', 'approval', null))).toBe(true);
  });
});

describe('community roles', () => {
  it('lets only members post', () => {
    expect(canPost(null, access('public', 'open', null))).toBe(false);
    expect(canPost(member, access('public', 'open', null))).toBe(false);
    expect(canPost(member, access('public', 'open', 'member'))).toBe(true);
  });

  it('lets stewards and admins edit and change roles; moderators manage members only', () => {
    expect(canEditCommunity(member, access('public', 'open', 'moderator'))).toBe(false);
    expect(canEditCommunity(member, access('public', 'open', 'steward'))).toBe(true);
    expect(canEditCommunity(admin, access('private', 'invite', null))).toBe(true);
    expect(canChangeRoles(member, access('public', 'open', 'moderator'))).toBe(false);
    expect(canManageMembers(member, access('public', 'open', 'moderator'))).toBe(true);
    expect(canManageMembers(member, access('public', 'open', 'member'))).toBe(false);
  });

  it('lets people join open communities directly, and admins any', () => {
    expect(canJoinDirectly(member, access('public', 'open', null))).toBe(true);
    expect(canJoinDirectly(member, access('public', 'approval', null))).toBe(false);
    expect(canJoinDirectly(admin, access('private', 'invite', null))).toBe(true);
    expect(canJoinDirectly(member, access('public', 'open', 'member'))).toBe(false);
    expect(canJoinDirectly(null, access('public', 'open', null))).toBe(false);
  });
});
