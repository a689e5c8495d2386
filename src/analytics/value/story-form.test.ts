import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../core/http/errors.ts';
import { parseLinkField, storyFormInput } from './story-form.ts';

describe('parseLinkField', () => {
  it('reads thread addresses, full URLs with a query or anchor, plain and #numbers, across lines, spaces and commas', () => {
    const issues: FieldIssue[] = [];
    const text = 'https://guild.example/c/bridges/t/12?page=2\n/c/bridges/t/7#post-3, 41 #5\r\n\n';
    expect(parseLinkField('topics', text, issues)).toEqual([12, 7, 41, 5]);
    expect(issues).toEqual([]);
  });

  it('refuses an article address in the threads field, zero and words, naming the field', () => {
    const issues: FieldIssue[] = [];
    expect(parseLinkField('topics', '/c/bridges/a/3 0 seven 9', issues)).toEqual([9]);
    expect(issues).toEqual([{ field: 'topics', message: '/c/bridges/a/3, 0, seven are not a thread link or number' }]);
  });

  it('reads article addresses in the articles field', () => {
    const issues: FieldIssue[] = [];
    expect(parseLinkField('articles', 'http://x/c/b/a/33/', issues)).toEqual([33]);
    expect(issues).toEqual([]);
  });
});

describe('storyFormInput', () => {
  it('keeps what was typed, defaults the value kind to immediate and links no events', () => {
    const { values, input, issues } = storyFormInput({ title: 'T', happened: 'H', gained: 'G', topics: '4', articles: '', extra: 'ignored' });
    expect(values).toMatchObject({ title: 'T', valueKind: 'immediate', topics: '4' });
    expect(input).toMatchObject({ topics: [4], articles: [], events: [] });
    expect(issues).toEqual([]);
  });
});
