import { describe, expect, it } from 'vitest';
import { isLocalImage, isSafeLink, renderMarkdown } from './index.ts';

const html = (src: string): string => renderMarkdown(src).html;
const EXT = 'rel="nofollow ugc noopener noreferrer"';

describe('renderMarkdown: the allowed Markdown, exactly', () => {
  it('renders paragraphs, soft and hard line breaks', () => {
    expect(html('One\ntwo\n\nThree  \nfour')).toBe('<p>One\ntwo</p>\n<p>Three<br>\nfour</p>\n');
  });

  it('renders emphasis, strong and strikethrough', () => {
    expect(html('*a* _b_ **c** __d__ ~~e~~')).toBe('<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <s>e</s></p>\n');
  });

  it('starts headings at h2 so a post never adds a second h1 to its page', () => {
    expect(html('# One\n\n## Two\n\n### Three\n\n##### Five\n\n###### Six')).toBe('<h2>One</h2>\n<h3>Two</h3>\n<h4>Three</h4>\n<h6>Five</h6>\n<h6>Six</h6>\n');
    expect(html('Setext\n======')).toBe('<h2>Setext</h2>\n');
  });

  it('renders bulleted, numbered and nested lists', () => {
    expect(html('- a\n- b\n  1. c\n\n3. three\n4. four')).toBe(
      '<ul>\n<li>a</li>\n<li>b\n<ol>\n<li>c</li>\n</ol>\n</li>\n</ul>\n<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n',
    );
  });

  it('renders blockquotes and rules', () => {
    expect(html('> quoted\n> still\n\n---')).toBe('<blockquote>\n<p>quoted\nstill</p>\n</blockquote>\n<hr>\n');
  });

  it('renders inline code with its content escaped', () => {
    expect(html('Run `a < b && c` now')).toBe('<p>Run <code>a &lt; b &amp;&amp; c</code> now</p>\n');
  });

  it('highlights fenced code with a known language on the server', () => {
    expect(html('```js\nconst x = "<b>";\n```')).toBe(
      '<pre class="code" tabindex="0"><code class="hljs language-js"><span class="hljs-keyword">const</span> x = <span class="hljs-string">&quot;&lt;b&gt;&quot;</span>;\n</code></pre>\n',
    );
    expect(html('~~~Python\ndef f(): pass\n~~~')).toBe(
      '<pre class="code" tabindex="0"><code class="hljs language-python"><span class="hljs-keyword">def</span> <span class="hljs-title function_">f</span>(): <span class="hljs-keyword">pass</span>\n</code></pre>\n',
    );
  });

  it('escapes fenced code without a language, or with an unknown or odd one, and does not highlight it', () => {
    const plain = '<pre class="code" tabindex="0"><code class="hljs">if (a &lt; b) &lt;script&gt;\n</code></pre>\n';
    expect(html('```\nif (a < b) <script>\n```')).toBe(plain);
    expect(html('```klingon\nif (a < b) <script>\n```')).toBe(plain);
    expect(html('```"><script>\nif (a < b) <script>\n```')).toBe(plain);
  });

  it('renders indented code like fenced code without a language', () => {
    expect(html('    x <y>')).toBe('<pre class="code" tabindex="0"><code class="hljs">x &lt;y&gt;\n</code></pre>\n');
  });

  it('wraps tables so they scroll on their own, with alignment as classes (no style attribute)', () => {
    expect(html('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |')).toBe(
      '<div class="table-wrap" tabindex="0"><table class="table">\n<thead>\n<tr>\n<th class="align-left">a</th>\n<th class="align-center">b</th>\n' +
        '<th class="align-right">c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class="align-left">1</td>\n<td class="align-center">2</td>\n' +
        '<td class="align-right">3</td>\n</tr>\n</tbody>\n</table></div>\n',
    );
  });

  it('marks external links nofollow ugc noopener noreferrer and leaves same-site links alone', () => {
    expect(html('[ext](https://example.com/a "T") [http](http://example.com) [here](/c/potters) [top](#top) [q](?page=2) [mail](mailto:a@example.com)')).toBe(
      `<p><a href="https://example.com/a" title="T" ${EXT}>ext</a> <a href="http://example.com" ${EXT}>http</a> <a href="/c/potters">here</a> ` +
        '<a href="#top">top</a> <a href="?page=2">q</a> <a href="mailto:a@example.com">mail</a></p>\n',
    );
  });

  it('leaves links to other schemes, and protocol-relative ones, as the text that was written', () => {
    expect(html('[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) [d](vbscript:x) [e](//evil.example) [f](file:///etc/passwd)')).toBe(
      '<p>[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) [d](vbscript:x) [e](//evil.example) [f](file:///etc/passwd)</p>\n',
    );
  });

  it('shows same-site images, lazily, with alt text and title', () => {
    expect(html('![A *kiln* at dusk](/uploads/kiln.jpg "Kiln")')).toBe('<p><img src="/uploads/kiln.jpg" alt="A kiln at dusk" title="Kiln" loading="lazy"></p>\n');
  });

  it('turns remote images into links labelled with their alt text (or "image")', () => {
    expect(html('![a pot](https://img.example/pot.png) ![](http://img.example/x.gif)')).toBe(
      `<p><a href="https://img.example/pot.png" ${EXT} class="remote-image">a pot</a> <a href="http://img.example/x.gif" ${EXT} class="remote-image">image</a></p>\n`,
    );
  });

  it('links bare URLs, www addresses and <autolinks>', () => {
    expect(html('See https://example.org/a?b=1, www.example.com and <https://x.example>.')).toBe(
      `<p>See <a href="https://example.org/a?b=1" ${EXT}>https://example.org/a?b=1</a>, <a href="http://www.example.com" ${EXT}>www.example.com</a> ` +
        `and <a href="https://x.example" ${EXT}>https://x.example</a>.</p>\n`,
    );
  });

  it('escapes raw HTML instead of passing it through', () => {
    expect(html('<div onclick="x()">hi</div>\n\n<b>bold</b> &amp; &copy;')).toBe('<p>&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;</p>\n<p>&lt;b&gt;bold&lt;/b&gt; &amp; ©</p>\n');
  });

  it('renders empty input as nothing', () => {
    expect(renderMarkdown('')).toEqual({ html: '', mentions: [] });
  });
});

describe('isSafeLink and isLocalImage', () => {
  it.each(['https://a.example', 'HTTP://A.EXAMPLE', 'mailto:x@y.example', '/c/x', '#h', '?q=1', 'relative/path'])('accepts the link %s', (u) => {
    expect(isSafeLink(u)).toBe(true);
  });
  it.each(['javascript:alert(1)', ' javascript:x', 'vbscript:x', 'data:text/html,x', '//evil.example', '\\\\evil', 'ftp://x', 'tel:123'])('refuses the link %s', (u) => {
    expect(isSafeLink(u)).toBe(false);
  });
  it('accepts only same-site image paths', () => {
    expect([isLocalImage('/a.png'), isLocalImage('//a.example/p.png'), isLocalImage('/\\a'), isLocalImage('https://a.example/p.png'), isLocalImage('data:image/png;base64,AA')]).toEqual([
      true, false, false, false, false,
    ]);
  });
});
