import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/http/errors.ts';
import { ConfigError, loadConfig, uploadTypeKeys } from '../../core/config.ts';
import { contentDisposition } from './attachments.download.ts';
import { kindOf, sanitiseName, sniffUpload } from './file-types.ts';

const all = [...uploadTypeKeys];
const png = () => sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer();
const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe('sniffUpload', () => {
  it('decides the type from the bytes: a PNG is a PNG whatever the vague claim', async () => {
    expect((await sniffUpload(await png(), 'a.png', 'application/octet-stream', all, 1e6)).key).toBe('png');
    expect((await sniffUpload(await png(), 'no-extension', '', all, 1e6)).key).toBe('png');
  });

  it('takes UTF-8 text by its extension: .md, .csv, .txt', async () => {
    expect((await sniffUpload(Buffer.from('# Title\n'), 'x.md', '', all, 1e6)).key).toBe('md');
    expect((await sniffUpload(Buffer.from('a,b\n'), 'x.csv', 'text/csv', all, 1e6)).key).toBe('csv');
    expect((await sniffUpload(Buffer.from('héllo'), 'x.txt', 'text/plain', all, 1e6)).key).toBe('txt');
  });

  it.each([
    ['HTML named .txt', Buffer.from('<!doctype html><p>hi'), 'x.txt', ''],
    ['SVG named .txt', Buffer.from('<svg onload=alert(1)>'), 'x.txt', ''],
    ['a script inside Markdown', Buffer.from('# Hi\n\n<script>alert(1)</script>\n'), 'x.md', ''],
    ['text with NUL bytes', Buffer.from('a\0b'), 'x.txt', ''],
    ['text that is not UTF-8', Buffer.from([0x61, 0xff, 0xfe, 0x62]), 'x.txt', ''],
    ['text with an unknown extension', Buffer.from('plain'), 'x.php', ''],
    ['PNG bytes named .gif', 'png', 'x.gif', ''],
    ['PNG bytes claimed as text/html', 'png', 'x.png', 'text/html'],
  ])('refuses %s with 415 naming the file', async (_what, bytes, name, claimed) => {
    const err = await refusal(sniffUpload(bytes === 'png' ? await png() : (bytes as Buffer), name, claimed, all, 1e6));
    expect(err.status).toBe(415);
    expect(err.message.startsWith(`${name}: `)).toBe(true);
    expect(err.details[0]?.field).toBe('file');
  });

  it('refuses types the configuration leaves out (415), files over the limit (413) and empty ones (400)', async () => {
    expect((await refusal(sniffUpload(await png(), 'a.png', '', ['pdf'], 1e6))).status).toBe(415);
    expect((await refusal(sniffUpload(Buffer.alloc(11, 'a'), 'a.txt', '', all, 10))).status).toBe(413);
    expect((await refusal(sniffUpload(Buffer.alloc(0), 'a.txt', '', all, 10))).status).toBe(400);
  });
});

describe('sanitiseName', () => {
  it.each([
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\Users\\me\\plan.txt', 'plan.txt'],
    ['evil"<script>.txt', 'evil__script_.txt'],
    ['rtl\u202Egnp.txt', 'rtlgnp.txt'],
    ['...hidden.txt', 'hidden.txt'],
    ['', 'file.txt'],
    ['report', 'report.txt'],
  ])('%j becomes %j', (raw, want) => {
    expect(sanitiseName(raw, kindOf('txt')!)).toBe(want);
  });

  it('keeps names to 120 characters with their extension', () => {
    const name = sanitiseName(`${'a'.repeat(300)}.md`, kindOf('md')!);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.md')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('quotes an ASCII fallback and encodes the real name (RFC 6266 / 5987)', () => {
    expect(contentDisposition('Évier "plan".png', true)).toBe(`inline; filename="_vier _plan_.png"; filename*=UTF-8''%C3%89vier%20%22plan%22.png`);
    expect(contentDisposition('a.txt', false)).toBe(`attachment; filename="a.txt"; filename*=UTF-8''a.txt`);
  });
});

describe('upload configuration', () => {
  it('defaults to 10 MiB and the safe list', () => {
    expect(loadConfig({}).uploads).toEqual({ maxBytes: 10 * 1024 * 1024, types: all });
  });

  it('reads UPLOAD_MAX_BYTES and UPLOAD_TYPES', () => {
    expect(loadConfig({ UPLOAD_MAX_BYTES: '2048', UPLOAD_TYPES: ' PNG, pdf ' }).uploads).toEqual({ maxBytes: 2048, types: ['png', 'pdf'] });
  });

  it.each([
    [{ UPLOAD_MAX_BYTES: 'lots' }, /^UPLOAD_MAX_BYTES must be a whole number/],
    [{ UPLOAD_MAX_BYTES: '10' }, /^UPLOAD_MAX_BYTES must be between 1024 and/],
    [{ UPLOAD_TYPES: 'png,svg' }, /^UPLOAD_TYPES must be a comma-separated list of .*got "svg"$/],
    [{ UPLOAD_TYPES: ',' }, /^UPLOAD_TYPES must name at least one of/],
  ])('rejects %o naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
