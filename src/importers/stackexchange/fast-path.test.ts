import fs from 'node:fs';
import path from 'node:path';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { describe, expect, it } from 'vitest';
import { paragraphsToMarkdown } from './html-markdown.ts';
import { REAL_DUMPS_DIR, REAL_DUMPS_SKIP_REASON, fixtureDump, realDumpsMissing } from './import.fixtures.ts';
import { streamRows } from './xml-rows.ts';

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---' });
turndown.use(gfm);
const slow = (html: string) => turndown.turndown(html).trim();

describe('paragraphsToMarkdown (the fast path for plain paragraphs)', () => {
  it('gives what turndown gives: escapes, entities, whitespace, empty paragraphs', () => {
    const cases = [
      '<p>Plain text.</p>',
      '<p>  Two\n lines  </p>\n\n<p>second &amp; third &lt;b&gt; &quot;q&quot; &#39;s&#39; &#x27;x&#x27; caf&#233;</p>',
      '<p>- not a list</p><p>1. not ordered</p><p># not a heading</p><p>&gt; not a quote</p><p>a*b*c_d_ [x](y) `z` \\ ~~~</p>',
      '<p>+ plus</p><p>=== rule</p><p></p><p> </p><p>nbsp&nbsp;kept</p>',
    ];
    for (const html of cases) expect(paragraphsToMarkdown(html), html).toBe(slow(html));
  });

  it('declines anything but plain paragraphs, and odd entities', () => {
    for (const html of ['<p>a <em>b</em></p>', 'text', '<pre><code>x</code></pre>', '<p>&hellip;</p>', '<p>&#0;</p>', '<p>&#x110000;</p>', '<p>&#150;</p>']) {
      expect(paragraphsToMarkdown(html), html).toBeNull();
    }
  });

  it.skipIf(realDumpsMissing)('agrees with turndown on every plain-paragraph body of both real dumps and the fixture', async () => {
    if (realDumpsMissing) console.warn(REAL_DUMPS_SKIP_REASON);
    let checked = 0;
    const files = [path.join(REAL_DUMPS_DIR, 'cardano-2021/Posts.xml'), path.join(REAL_DUMPS_DIR, 'ai-2016/Posts.xml'), path.join(fixtureDump('tiny-2020'), 'Posts.xml')].filter((f) => fs.existsSync(f));
    for (const file of files) {
      await streamRows(file, 500, async (rows) => {
        for (const r of rows) {
          const body = r.attrs.Body ?? '';
          const fast = paragraphsToMarkdown(body);
          if (fast === null) continue;
          checked += 1;
          expect(fast, `${path.basename(path.dirname(file))} post ${r.attrs.Id}`).toBe(slow(body));
        }
      });
    }
    expect(checked).toBeGreaterThan(100);
  });
});
