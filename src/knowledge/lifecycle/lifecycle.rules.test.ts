import { describe, expect, it } from 'vitest';
import { availableTransitions, checkDelete, checkEndorse, checkTransition, checkUnendorse, type ArticleState, type Who } from './lifecycle.rules.ts';

const nobody: Who = { member: false, owner: false, steward: false };
const member: Who = { member: true, owner: false, steward: false };
const owner: Who = { member: true, owner: true, steward: false };
const steward: Who = { member: true, owner: false, steward: true };
const formerOwner: Who = { member: false, owner: true, steward: false };
const who = { nobody, member, owner, steward, formerOwner };
type Role = keyof typeof who;

// from, to, and the outcome per role: 'ok', 'forbidden' (403) or 'invalid' (409).
type Outcome = 'ok' | 'forbidden' | 'invalid';
const F: Outcome = 'forbidden';
const I: Outcome = 'invalid';
const table: Array<[ArticleState, ArticleState, Record<Role, Outcome>]> = [
  ['draft', 'proposed', { nobody: F, member: F, owner: 'ok', steward: F, formerOwner: F }],
  ['proposed', 'draft', { nobody: F, member: F, owner: 'ok', steward: F, formerOwner: F }],
  ['proposed', 'endorsed', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['endorsed', 'needs_review', { nobody: F, member: 'ok', owner: 'ok', steward: 'ok', formerOwner: F }],
  ['needs_review', 'endorsed', { nobody: F, member: F, owner: 'ok', steward: 'ok', formerOwner: F }],
  ['endorsed', 'superseded', { nobody: F, member: F, owner: 'ok', steward: 'ok', formerOwner: F }],
  ['needs_review', 'superseded', { nobody: F, member: F, owner: 'ok', steward: 'ok', formerOwner: F }],
  ['proposed', 'superseded', { nobody: F, member: F, owner: 'ok', steward: 'ok', formerOwner: F }],
  ['draft', 'archived', { nobody: F, member: F, owner: 'ok', steward: 'ok', formerOwner: F }],
  ['endorsed', 'archived', { nobody: F, member: F, owner: 'ok', steward: 'ok', formerOwner: F }],
  ['superseded', 'archived', { nobody: F, member: F, owner: 'ok', steward: 'ok', formerOwner: F }],
  ['draft', 'endorsed', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['draft', 'needs_review', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['draft', 'superseded', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['proposed', 'needs_review', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['endorsed', 'draft', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['endorsed', 'proposed', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['endorsed', 'endorsed', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['archived', 'draft', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['archived', 'endorsed', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['archived', 'archived', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['superseded', 'endorsed', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
  ['superseded', 'superseded', { nobody: I, member: I, owner: I, steward: I, formerOwner: I }],
];

describe('checkTransition', () => {
  for (const [from, to, outcomes] of table) {
    for (const role of Object.keys(who) as Role[]) {
      const want = outcomes[role];
      it(`${from} → ${to} as ${role}: ${want}`, () => {
        const v = checkTransition(from, to, who[role]);
        expect(v.ok ? 'ok' : v.kind).toBe(want);
      });
    }
  }

  it('asks for a reason to archive and to flag for review, and a successor to supersede', () => {
    expect(checkTransition('draft', 'archived', owner)).toMatchObject({ ok: true, reasonRequired: true, successorRequired: false, verb: 'article.archived' });
    expect(checkTransition('endorsed', 'needs_review', member)).toMatchObject({ ok: true, reasonRequired: true, verb: 'article.needs_review' });
    expect(checkTransition('endorsed', 'superseded', steward)).toMatchObject({ ok: true, successorRequired: true, verb: 'article.superseded' });
    expect(checkTransition('needs_review', 'endorsed', owner)).toMatchObject({ ok: true, reasonRequired: false, verb: 'article.reconfirmed' });
  });

  it('names the field `to` when the change is not possible from the state', () => {
    expect(checkTransition('draft', 'endorsed', owner)).toMatchObject({ ok: false, kind: 'invalid', field: 'to' });
  });

  it('lists what each role may do from a state', () => {
    expect(availableTransitions('draft', owner)).toEqual(['proposed', 'archived']);
    expect(availableTransitions('endorsed', member)).toEqual(['needs_review']);
    expect(availableTransitions('needs_review', steward)).toEqual(['endorsed', 'superseded', 'archived']);
    expect(availableTransitions('archived', steward)).toEqual([]);
    expect(availableTransitions('endorsed', nobody)).toEqual([]);
  });
});

describe('checkEndorse', () => {
  const on = { stewardEndorsement: true, endorsementsRequired: 3 };
  const off = { stewardEndorsement: false, endorsementsRequired: 3 };
  const cases: Array<[string, ArticleState, Who, boolean, typeof on, string]> = [
    ['a non-member', 'proposed', nobody, true, on, 'forbidden'],
    ['an owner, even with expertise', 'proposed', owner, true, on, 'forbidden'],
    ['a steward who owns it', 'proposed', { ...steward, owner: true }, true, on, 'forbidden'],
    ['a member with expertise, on a draft', 'draft', member, true, on, 'invalid'],
    ['a member with expertise, on an endorsed article', 'endorsed', member, true, on, 'invalid'],
    ['a member with expertise, on an archived article', 'archived', member, true, on, 'invalid'],
    ['a member without expertise', 'proposed', member, false, on, 'forbidden'],
    ['a member with expertise', 'proposed', member, true, on, 'counts'],
    ['a member with expertise, needs review', 'needs_review', member, true, on, 'counts'],
    ['a steward (steward endorsement on)', 'proposed', steward, false, on, 'immediate'],
    ['a steward without expertise (steward endorsement off)', 'proposed', steward, false, off, 'forbidden'],
    ['a steward with expertise (steward endorsement off)', 'proposed', steward, true, off, 'counts'],
  ];
  for (const [name, state, w, expert, rules, want] of cases) {
    it(`${name}: ${want}`, () => {
      const v = checkEndorse(state, w, expert, rules);
      expect(v.ok ? (v.immediate ? 'immediate' : 'counts') : v.kind).toBe(want);
    });
  }

  it('explains a refusal for lack of expertise', () => {
    const v = checkEndorse('proposed', member, false, on);
    expect(v.ok ? '' : v.message).toMatch(/expertise.*accepted answer.*scored 2/);
  });
});

describe('checkUnendorse and checkDelete', () => {
  it('lets endorsements be withdrawn only while they are collected', () => {
    expect(checkUnendorse('proposed').ok).toBe(true);
    expect(checkUnendorse('needs_review').ok).toBe(true);
    expect(checkUnendorse('endorsed').ok).toBe(false);
    expect(checkUnendorse('draft').ok).toBe(false);
  });

  const cases: Array<[string, ArticleState, boolean, Who, boolean]> = [
    ['steward, endorsed', 'endorsed', true, steward, true],
    ['steward, draft', 'draft', false, steward, true],
    ['owner, never-proposed draft', 'draft', false, owner, true],
    ['owner, draft that was proposed once', 'draft', true, owner, false],
    ['owner, proposed', 'proposed', true, owner, false],
    ['member, never-proposed draft', 'draft', false, member, false],
    ['non-member owner', 'draft', false, formerOwner, false],
  ];
  for (const [name, state, ever, w, ok] of cases) {
    it(`delete as ${name}: ${ok ? 'allowed' : 'refused'}`, () => expect(checkDelete(state, ever, w).ok).toBe(ok));
  }
});
