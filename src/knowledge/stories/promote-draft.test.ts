import { describe, expect, it } from 'vitest';
import { composeDraft, defaultPromoteType, escapeMarkdown, quote, type DraftSource } from './promote-draft.ts';

const ada = { id: 1, username: 'ada', displayName: 'Ada *Asker*' };
const ann = { id: 2, username: 'ann', displayName: 'Ann Answerer' };
const val = { id: 3, username: 'val', displayName: 'Val [Voter]' };
const post = (id: number, author: typeof ada, body: string, kind = 'answer') => ({ id, kind, body, score: 0, author });

const source: DraftSource = {
  topic: { id: 7, title: 'How do I true a chisel?', kind: 'question', community: { slug: 'workshop', name: 'Open Workshop' } },
  opening: post(1, ada, 'The back is not flat.', 'opening'),
  accepted: post(2, ann, 'Lap it on a coarse stone.\n\nThen a fine one.'),
  key: [post(3, val, 'Use a marker to see the high spots.')],
  contributors: [ada, ann, val],
};

describe('composeDraft', () => {
  const body = composeDraft(source, 50_000);

  it('links back to the thread and quotes the question, the accepted answer and key replies in order', () => {
    expect(body).toContain('[How do I true a chisel?](/c/workshop/t/7)');
    const order = ['## The question', '> The back is not flat.', '## Accepted answer', '> Lap it on a coarse stone.\n>\n> Then a fine one.', '## Other key answers', '> Use a marker'];
    const at = order.map((s) => body.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('credits every contributor with an escaped display name and a profile link', () => {
    const credits = body.slice(body.indexOf('## Contributors'));
    expect(credits).toContain('- [Ada \\*Asker\\*](/u/ada)');
    expect(credits).toContain('- [Ann Answerer](/u/ann)');
    expect(credits).toContain('- [Val \\[Voter\\]](/u/val)');
  });

  it('stays within the body limit by cutting long quotes', () => {
    const long = composeDraft({ ...source, accepted: post(2, ann, 'x'.repeat(20_000)) }, 5_000);
    expect(long.length).toBeLessThanOrEqual(5_000);
    expect(long).toContain('[…]');
    expect(long).toContain('## Contributors');
  });

  it('names a discussion as such and has no accepted answer section', () => {
    const d = composeDraft({ ...source, topic: { ...source.topic, kind: 'discussion' }, accepted: null }, 50_000);
    expect(d).toContain('## The discussion');
    expect(d).toContain('## Key replies');
    expect(d).not.toContain('## Accepted answer');
  });
});

describe('helpers', () => {
  it('chooses how-to for a question and reference for a discussion', () => {
    expect(defaultPromoteType('question')).toBe('how-to');
    expect(defaultPromoteType('discussion')).toBe('reference');
  });

  it('quotes every line and escapes Markdown in names', () => {
    expect(quote('a\r\n\r\nb', 100)).toBe('> a\n>\n> b');
    expect(escapeMarkdown('[x](y) @z')).toBe('\\[x\\]\\(y\\) \\@z');
  });
});
