import { describe, expect, it } from 'vitest';
import type { CommunityAccess } from '../../core/permissions/index.ts';
import { isQuestionPost, mayAcceptAnswer, mayDeleteComment } from './answers.rules.ts';
import type { AcceptBy } from './answers.schema.ts';

const access = (role: CommunityAccess['role']): CommunityAccess => ({ visibility: 'public', joinPolicy: 'open', role });
const topic = (acceptBy: AcceptBy) => ({ authorId: 1, community: { acceptBy } });

describe('mayAcceptAnswer', () => {
  const who: Array<[string, number, CommunityAccess['role']]> = [
    ['the asker', 1, 'member'],
    ['a steward', 2, 'steward'],
    ['a moderator', 3, 'moderator'],
    ['another member', 4, 'member'],
    ['a non-member', 5, null],
    ['an asker who left the community', 1, null],
  ];
  const allowed: Record<AcceptBy, string[]> = {
    asker: ['the asker'],
    steward: ['a steward', 'a moderator'],
    asker_or_steward: ['the asker', 'a steward', 'a moderator'],
  };
  for (const setting of Object.keys(allowed) as AcceptBy[]) {
    it(`with accept_by=${setting} allows exactly: ${allowed[setting].join(', ')}`, () => {
      const yes = who.filter(([, id, role]) => mayAcceptAnswer(id, access(role), topic(setting))).map(([name]) => name);
      expect(yes).toEqual(allowed[setting]);
    });
  }
});

describe('isQuestionPost', () => {
  it('is true for the opening post and answers of a question, false for anything in a discussion', () => {
    expect(isQuestionPost({ kind: 'opening', topic: { kind: 'question' } })).toBe(true);
    expect(isQuestionPost({ kind: 'answer', topic: { kind: 'question' } })).toBe(true);
    expect(isQuestionPost({ kind: 'reply', topic: { kind: 'question' } })).toBe(false);
    expect(isQuestionPost({ kind: 'opening', topic: { kind: 'discussion' } })).toBe(false);
    expect(isQuestionPost({ kind: 'reply', topic: { kind: 'discussion' } })).toBe(false);
  });
});

describe('mayDeleteComment', () => {
  it('allows the author and stewards and moderators, never non-members', () => {
    expect(mayDeleteComment(7, access('member'), { authorId: 7 })).toBe(true);
    expect(mayDeleteComment(8, access('member'), { authorId: 7 })).toBe(false);
    expect(mayDeleteComment(8, access('moderator'), { authorId: 7 })).toBe(true);
    expect(mayDeleteComment(8, access('steward'), { authorId: 7 })).toBe(true);
    expect(mayDeleteComment(7, access(null), { authorId: 7 })).toBe(false);
  });
});
