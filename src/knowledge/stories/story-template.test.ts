import { describe, expect, it } from 'vitest';
import { composeStory, emptyStory, parseStory, storyFrom, storyIssues, type Story } from './story-template.ts';

const story: Story = {
  context: 'A night shift in a busy kitchen.',
  challenge: 'The walk-in fridge failed at 2am.\n\n### Why it mattered\nA wedding the next day.',
  actions: '- Moved stock to the bar fridges\n- Called the on-call engineer',
  outcome: 'We lost nothing.',
  lesson: 'Keep a *temperature log* and a list of spare fridges.',
};

describe('composeStory', () => {
  it('writes each section under its fixed heading, in template order', () => {
    const body = composeStory(story);
    const headings = body.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Context', '## Challenge', '## What we did', '## What happened', '## Lesson']);
    expect(body).toContain('## Lesson\n\nKeep a *temperature log*');
  });
});

describe('parseStory', () => {
  it('gives back exactly the sections compose wrote (round trip), nested headings included', () => {
    expect(parseStory(composeStory(story))).toEqual(story);
  });

  it('round-trips again after a second compose (stable)', () => {
    const once = composeStory(story);
    const parsed = parseStory(once);
    expect(parsed && composeStory(parsed)).toBe(once);
  });

  it('reads Windows line endings and trailing #s on headings', () => {
    const body = composeStory(story).replace(/\n/g, '\r\n').replace('## Lesson', '## Lesson ##');
    expect(parseStory(body)).toEqual(story);
  });

  it('degrades to null when a heading is missing, repeated, out of order or preceded by text', () => {
    const body = composeStory(story);
    expect(parseStory(body.replace('## Challenge', '## Problem'))).toBeNull();
    expect(parseStory(`${body}\n\n## Lesson\n\nAgain.`)).toBeNull();
    expect(parseStory(body.replace('## Context', '## X').replace('## Challenge', '## Context').replace('## X', '## Challenge'))).toBeNull();
    expect(parseStory(`Intro.\n\n${body}`)).toBeNull();
    expect(parseStory('Just a plain body.')).toBeNull();
    expect(parseStory('')).toBeNull();
  });

  it('keeps a hand-emptied section as an empty string', () => {
    const parsed = parseStory(composeStory({ ...story, outcome: '' }));
    expect(parsed?.outcome).toBe('');
    expect(parsed?.lesson).toBe(story.lesson);
  });
});

describe('storyIssues', () => {
  const field = (k: string) => `story.${k}`;

  it('accepts a complete story', () => {
    expect(storyIssues(story, 1000, field)).toEqual([]);
  });

  it('names every missing or blank section', () => {
    const issues = storyIssues({ ...emptyStory(), context: 'Some context', lesson: '   ' }, 1000, field);
    expect(issues.map((i) => i.field)).toEqual(['story.challenge', 'story.actions', 'story.outcome', 'story.lesson']);
    expect(storyIssues({ context: 'c', challenge: 'c', actions: 'a', outcome: 7 }, 1000, field).map((i) => i.field)).toEqual(['story.outcome', 'story.lesson']);
  });

  it('refuses a section containing a template heading line, and one over the limit', () => {
    expect(storyIssues({ ...story, actions: 'First\n## Lesson\nthen' }, 1000, field)).toEqual([expect.objectContaining({ field: 'story.actions' })]);
    expect(storyIssues({ ...story, context: 'x'.repeat(11) }, 10, field).map((i) => i.field)).toContain('story.context');
  });
});

describe('storyFrom', () => {
  it('normalises line endings and trims, treating non-text as empty', () => {
    expect(storyFrom({ context: ' a\r\nb ', lesson: 5 })).toEqual({ ...emptyStory(), context: 'a\nb' });
  });
});
