import crypto from 'node:crypto';

/*
 * Big pages written without big strings (issue 6). V8 keeps a string over ~128 KB (64 K characters once
 * one is beyond Latin-1, as an emoji is) in its large-object space, each in freshly mapped memory: on
 * the machines measured, making one cost ~1 ms against ~20 µs for one just under, and a signed-in 50-post
 * page made three or four (the joined posts, the flattened document, the CSRF token filled in). So the
 * kept parts of a page (its posts) stay out of the rendered document as markers, and the page is
 * written into one Buffer, piece by piece.
 */

/** Marks where kept pieces go; a per-process nonce, so no text on a page can pass for one. */
const MARK = `\u0001gh-pieces-${crypto.randomBytes(8).toString('hex')}:`;
const END = '\u0001';

/** The pieces of the document being assembled now (rendering is synchronous), or null outside one. */
let collecting: string[][] | null = null;

/**
 * `{ __html }` for dangerouslySetInnerHTML: `pieces` one after another. Inside `assemble` they stay
 * out of the rendered document (a marker stands for them) and go straight into the page's bytes.
 */
export function pieces(list: string[]): { __html: string } {
  if (!collecting) return { __html: list.join('') };
  collecting.push(list);
  return { __html: `${MARK}${collecting.length - 1}${END}` };
}

/**
 * Renders a document with `render` and returns it with `fill` applied to every piece: a string when
 * nothing was left out of it, else the page's bytes, written piece by piece (no string of the whole).
 */
export function assemble(render: () => string, fill: (s: string) => string): string | Buffer {
  const outer = collecting;
  const kept: string[][] = [];
  collecting = kept;
  let html: string;
  try {
    html = render();
  } finally {
    collecting = outer;
  }
  if (kept.length === 0) return fill(html);
  const out: string[] = [];
  let at = 0;
  for (let i = html.indexOf(MARK); i >= 0; i = html.indexOf(MARK, at)) {
    const end = html.indexOf(END, i + MARK.length);
    out.push(fill(html.slice(at, i)));
    for (const p of kept[Number(html.slice(i + MARK.length, end))] ?? []) out.push(fill(p));
    at = end + END.length;
  }
  out.push(fill(html.slice(at)));
  let size = 0;
  for (const p of out) size += Buffer.byteLength(p);
  const bytes = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const p of out) offset += bytes.write(p, offset);
  return bytes;
}
