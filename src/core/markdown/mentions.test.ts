import { describe, expect, it } from 'vitest';
import { extractMentions, renderMarkdown } from './index.ts';

const knownUsers = new Set(['alice', 'bob_b', 'carla-c']);
const render = (src: string) => renderMarkdown(src, { knownUsers });

describe('@mentions', () => {
  it('links mentions of known members to their profiles and reports them lower-cased', () => {
    expect(render('Thanks @alice and @Bob_B, ask @carla-c.')).toEqual({
      html: '<p>Thanks <a href="/u/alice" class="mention">@alice</a> and <a href="/u/bob_b" class="mention">@Bob_B</a>, ask <a href="/u/carla-c" class="mention">@carla-c</a>.</p>\n',
      mentions: ['alice', 'bob_b', 'carla-c'],
    });
  });

  it('leaves mentions of unknown names as text but still reports them (the writer checks them)', () => {
    expect(render('Hello @nobody-here and @alice')).toEqual({
      html: '<p>Hello @nobody-here and <a href="/u/alice" class="mention">@alice</a></p>\n',
      mentions: ['nobody-here', 'alice'],
    });
  });

  it('reports each name once however often it is mentioned', () => {
    expect(render('@alice @ALICE @alice').mentions).toEqual(['alice']);
  });

  it('finds mentions inside emphasis, lists, quotes, headings and table cells', () => {
    const r = render('**@alice**\n\n- @bob_b\n\n> @carla-c\n\n# @alice\n\n| x |\n|---|\n| @bob_b |');
    expect(r.mentions).toEqual(['alice', 'bob_b', 'carla-c']);
    expect(r.html).toContain('<strong><a href="/u/alice" class="mention">@alice</a></strong>');
    expect(r.html).toContain('<h2><a href="/u/alice" class="mention">@alice</a></h2>');
    expect(r.html).toContain('<td><a href="/u/bob_b" class="mention">@bob_b</a></td>');
  });

  it('ignores mentions in inline code, fenced and indented code', () => {
    expect(render('`@alice`\n\n```\n@alice\n```\n\n    @bob_b')).toEqual({
      html: '<p><code>@alice</code></p>\n<pre class="code" tabindex="0"><code class="hljs">@alice\n</code></pre>\n<pre class="code" tabindex="0"><code class="hljs">@bob_b\n</code></pre>\n',
      mentions: [],
    });
  });

  it('ignores mentions inside link text and autolinks, without nesting links', () => {
    expect(render('[ask @alice](/help) <https://x.example/@alice> https://y.example/@bob_b')).toEqual({
      html:
        '<p><a href="/help">ask @alice</a> <a href="https://x.example/@alice" rel="nofollow ugc noopener noreferrer">https://x.example/@alice</a> ' +
        '<a href="https://y.example/@bob_b" rel="nofollow ugc noopener noreferrer">https://y.example/@bob_b</a></p>\n',
      mentions: [],
    });
  });

  it('does not take e-mail addresses, or @ inside words, paths and handles, for mentions', () => {
    const r = render('Write to alice@example.com, see foo@alice, /path/@alice, a.@alice, x-@alice or @@alice.');
    expect(r.mentions).toEqual([]);
    expect(r.html).not.toContain('class="mention"');
    expect(r.html).toContain('<a href="mailto:alice@example.com">alice@example.com</a>');
  });

  it('needs 3 to 30 name characters and stops at the first other character', () => {
    expect(render('@al @alice! (@bob_b) @carla-c\'s').mentions).toEqual(['alice', 'bob_b', 'carla-c']);
    expect(render(`@${'a'.repeat(31)}`).mentions).toEqual([]);
    expect(render(`@${'a'.repeat(30)}`).mentions).toEqual(['a'.repeat(30)]);
  });

  it('links nothing when no known users are given', () => {
    expect(renderMarkdown('@alice').html).toBe('<p>@alice</p>\n');
  });
});

describe('extractMentions', () => {
  it('returns the mentioned names without rendering, skipping code and links', () => {
    expect(extractMentions('@Alice, `@bob`, [@carla](/x) and @dave-d\n\n```\n@erin\n```')).toEqual(['alice', 'dave-d']);
  });
});
