import { describe, expect, it } from 'vitest';
import { badInputMissing, BAD_INPUT_SKIP_REASON, blnsPayloads, commonmarkExamples, xssPayloads, type Payload } from '../../../test/helpers/bad-input.ts';
import { markdownFindings } from '../../../test/helpers/html-safety.ts';
import { renderMarkdown } from './index.ts';

if (badInputMissing) process.stdout.write(`\n⚠ ${BAD_INPUT_SKIP_REASON}\n`);

const known = new Set(['alice', 'script', 'img', 'svg', 'onerror']);

/** Renders every payload (alone, and inside a sentence, a link text and a table cell) and collects findings. */
function findingsFor(payloads: Payload[]): string[] {
  const out: string[] = [];
  for (const p of payloads) {
    const variants = [p.text, `Before ${p.text} after @alice`, `[${p.text}](/x) and ![${p.text}](https://example.com/i.png)`, `| a | b |\n|---|---|\n| ${p.text} | x |`];
    for (const v of variants) {
      let html: string;
      try {
        html = renderMarkdown(v, { knownUsers: known }).html;
      } catch (err) {
        out.push(`${p.source}: renderMarkdown threw ${String(err)}`);
        continue;
      }
      for (const f of markdownFindings(html)) out.push(`${p.source}: ${f}\n    input: ${JSON.stringify(v).slice(0, 200)}`);
    }
  }
  return out;
}

describe.skipIf(badInputMissing)(`renderMarkdown on hostile input${badInputMissing ? ' (SKIPPED: ../shared/data/bad-input missing)' : ''}`, () => {
  it('reads the whole corpus (so a half-missing folder cannot pass quietly)', () => {
    expect(xssPayloads().length).toBeGreaterThan(2700);
    expect(blnsPayloads().length).toBeGreaterThan(500);
    expect(commonmarkExamples()).toHaveLength(652);
  });

  it('lets no script, event handler, dangerous URL or forbidden tag through for any XSS payload', () => {
    expect(findingsFor(xssPayloads())).toEqual([]);
  });

  it('lets nothing unsafe through for any naughty string of the BLNS', () => {
    expect(findingsFor(blnsPayloads())).toEqual([]);
  });

  it('keeps every CommonMark spec example safe (raw HTML escaped, remote images as links)', () => {
    expect(findingsFor(commonmarkExamples())).toEqual([]);
  });

  it('escapes raw HTML from the payloads instead of dropping it, so readers see what was written', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>').html;
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n');
  });
});

describe('the safety check itself', () => {
  // The corpus tests are only worth something if the check can fail.
  it.each([
    ['<script>alert(1)</script>', 'forbidden tag <script>'],
    ['<p><img src="/x" onerror="alert(1)"></p>', 'event handler onerror'],
    ['<a href=" jav&#x09;ascript:alert(1)">x</a>', 'dangerous URL in href'],
    ['<a href="data:text/html,<b>">x</a>', 'dangerous URL in href'],
    ['<img src="https://tracker.example/p.gif">', 'image not from this site'],
    ['<a href="//evil.example">x</a>', 'protocol-relative link'],
    ['</div><p>escaped the container</p>', 'does not stay inside its container'],
    ['<p style="color:red">x</p>', 'style attribute'],
    ['<svg><animate onbegin=alert(1)></svg>', 'forbidden tag <svg>'],
    ['<iframe src="/x"></iframe>', 'forbidden tag <iframe'],
    ['<a href="/x" target="_blank">x</a>', 'unexpected attribute target'],
  ])('flags %s', (html, expected) => {
    expect(markdownFindings(html).join('\n')).toContain(expected);
  });

  it('passes the renderer’s own tags', () => {
    expect(markdownFindings(renderMarkdown('# T\n\n[a](https://a.example) ![i](/i.png) `c`\n\n| x |\n|:-:|\n| y |\n\n```js\nlet a\n```').html)).toEqual([]);
  });
});
