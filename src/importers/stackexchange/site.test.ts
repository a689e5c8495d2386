import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-markdown.ts';
import { normaliseTag, parseTags, placeholderUsername, siteFromFolder } from './site.ts';
import { usernameProblem } from '../../accounts/accounts.rules.ts';

describe('siteFromFolder', () => {
  it('drops a trailing year and adds .stackexchange.com unless the name has a dot', () => {
    expect(siteFromFolder('/data/cardano-2021')).toBe('cardano.stackexchange.com');
    expect(siteFromFolder('ai-2016/')).toBe('ai.stackexchange.com');
    expect(siteFromFolder('/x/Stackoverflow.com')).toBe('stackoverflow.com');
    expect(siteFromFolder('/x/cooking-2024-01-31')).toBe('cooking.stackexchange.com');
  });
});

describe('tags', () => {
  it('reads both dump spellings and makes platform tags', () => {
    expect(parseTags('<c#><node.js><c++><Machine Learning>')).toEqual(['csharp', 'node-js', 'cplusplus', 'machine-learning']);
    expect(parseTags('|xml|parsing|')).toEqual(['xml', 'parsing']);
    expect(parseTags(undefined)).toEqual([]);
    expect(normaliseTag('a'.repeat(40))).toHaveLength(30);
    expect(normaliseTag('---')).toBe('');
  });
});

describe('placeholderUsername', () => {
  it('is a valid username made of the display name and the original id', () => {
    const names: Array<[string, number, string, string]> = [
      ['Alice Ångström', 17, '', 'alice-angstrom-17'],
      ['Community', -1, '', 'community-m1'],
      ['李小龍', 5, '', 'user-5'],
      ['A very long display name that goes on and on', 123456, 'cardano', 'a-very-long-dis-cardano-123456'],
    ];
    for (const [name, id, salt, want] of names) {
      const u = placeholderUsername(name, id, salt);
      expect(u).toBe(want);
      expect(usernameProblem(u)).toBeNull();
    }
  });
});

describe('htmlToMarkdown', () => {
  it('keeps code blocks with their language, tables, links and inline code', () => {
    const md = htmlToMarkdown('<p>See <a href="https://x.org">this</a> and <code>a`b</code>:</p><pre class="lang-py prettyprint-override"><code>x = "```"\n</code></pre><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>');
    expect(md).toBe('See [this](https://x.org) and ``a`b``:\n\n````py\nx = "```"\n````\n\n| a |\n| --- |\n| 1 |');
    expect(htmlToMarkdown('<pre><code class="language-javascript">let a;</code></pre>')).toBe('```javascript\nlet a;\n```');
    expect(htmlToMarkdown('<pre><code>plain</code></pre>')).toBe('```\nplain\n```');
  });

  it('never returns an empty body, and drops scripts', () => {
    expect(htmlToMarkdown('')).toBe('(empty)');
    expect(htmlToMarkdown('<script>alert(1)</script>')).toBe('(empty)');
  });
});
