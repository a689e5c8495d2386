import { AppError, fieldError } from '../../core/http/errors.ts';
import type { uploadTypeKeys } from '../../core/config.ts';

/** A type of file we may accept (UPLOAD_TYPES names which ones are on). */
export interface FileKind {
  key: (typeof uploadTypeKeys)[number];
  label: string;
  mime: string;
  extensions: string[];
  /** Other content types a browser may claim for it. */
  aliases: string[];
  /** Raster images: re-encoded with sharp (metadata stripped) and shown inline. */
  image: boolean;
  text: boolean;
}

export const fileKinds: FileKind[] = [
  { key: 'png', label: 'PNG image', mime: 'image/png', extensions: ['png'], aliases: [], image: true, text: false },
  { key: 'jpeg', label: 'JPEG image', mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe'], aliases: ['image/jpg', 'image/pjpeg'], image: true, text: false },
  { key: 'gif', label: 'GIF image', mime: 'image/gif', extensions: ['gif'], aliases: [], image: true, text: false },
  { key: 'webp', label: 'WebP image', mime: 'image/webp', extensions: ['webp'], aliases: [], image: true, text: false },
  { key: 'pdf', label: 'PDF document', mime: 'application/pdf', extensions: ['pdf'], aliases: ['application/x-pdf'], image: false, text: false },
  { key: 'zip', label: 'ZIP archive', mime: 'application/zip', extensions: ['zip'], aliases: ['application/x-zip-compressed', 'application/x-zip'], image: false, text: false },
  { key: 'md', label: 'Markdown text', mime: 'text/markdown', extensions: ['md', 'markdown'], aliases: ['text/x-markdown', 'text/plain'], image: false, text: true },
  { key: 'csv', label: 'CSV table', mime: 'text/csv', extensions: ['csv'], aliases: ['application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel', 'text/plain'], image: false, text: true },
  { key: 'txt', label: 'Plain text', mime: 'text/plain', extensions: ['txt', 'text', 'log'], aliases: [], image: false, text: true },
];

/** The kind with this key (as stored in attachments.type). */
export function kindOf(key: string): FileKind | undefined {
  return fileKinds.find((k) => k.key === key);
}

/** Content types a client may send that say nothing about the file. */
const vagueClaims = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** Markup a browser could be tricked into running, even when we call the file text. */
const markupStart = /^[\s\uFEFF]*<(?:\?xml|!doctype|!--|!\[CDATA\[|[a-z][a-z0-9:-]*[\s/>])/i;
const markupAnywhere = /<\s*(?:script|svg|html|iframe|object|embed|xml|body|head|meta|link|style|form|img|a|math|x:script)[\s/>]|<\?xml|<!doctype|<!entity|javascript:/i;

function isSafeText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !markupStart.test(text) && !markupAnywhere.test(text);
}

/** The extension of a file name, lower-cased, or '' when it has none. */
export function extensionOf(name: string): string {
  const m = /\.([^.]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

const refused = (name: string, message: string) => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `${name}: ${message}`, [{ field: 'file', message: `${name}: ${message}` }]);

/**
 * Decides what a file is from its bytes, never from what the client says. Throws 413 when it is too
 * large, 415 when its bytes are not an accepted type, when they do not match its name's extension or
 * the claimed content type, or when the type is not in `allowed`; 400 when it is empty.
 */
export async function sniffUpload(bytes: Buffer, name: string, claimed: string, allowed: readonly string[], maxBytes: number): Promise<FileKind> {
  if (bytes.length === 0) throw fieldError('file', `${name} is empty`);
  if (bytes.length > maxBytes) throw new AppError(413, 'PAYLOAD_TOO_LARGE', `${name} is larger than ${maxBytes} bytes`, [{ field: 'file', message: `${name} is larger than the limit of ${maxBytes} bytes` }]);
  const { fileTypeFromBuffer } = await import('file-type'); // on first upload, not at start-up
  const detected = await fileTypeFromBuffer(bytes);
  let kind: FileKind | undefined;
  if (detected) {
    kind = fileKinds.find((k) => !k.text && k.mime === detected.mime);
    if (!kind) throw refused(name, `its bytes are ${detected.mime} (.${detected.ext}), which is not accepted here`);
  } else {
    if (!isSafeText(bytes)) throw refused(name, 'its bytes are not an accepted type (binary, or text that looks like HTML, XML or SVG)');
    const ext = extensionOf(name);
    kind = fileKinds.find((k) => k.text && k.extensions.includes(ext)) ?? (ext === '' ? kindOf('txt') : undefined);
    if (!kind) throw refused(name, `files ending .${ext} are not accepted (text files must end .txt, .md or .csv)`);
  }
  const ext = extensionOf(name);
  if (ext !== '' && !kind.extensions.includes(ext)) throw refused(name, `its bytes are a ${kind.label}, which does not match its .${ext} extension`);
  const claim = claimed.split(';')[0]!.trim().toLowerCase();
  if (!vagueClaims.has(claim) && claim !== kind.mime && !kind.aliases.includes(claim)) throw refused(name, `its bytes are a ${kind.label}, not the ${claim} it claims to be`);
  if (!allowed.includes(kind.key)) throw refused(name, `${kind.label} files are not accepted here`);
  return kind;
}

/**
 * A display name from the client's file name: no directories, control or bidi characters, or
 * characters that mean something in paths and headers; at most 120 characters; ends with the
 * type's extension. Only ever shown and offered as the download's name, never used as a path.
 */
export function sanitiseName(raw: string, kind: FileKind): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\p{C}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["<>:|?*;%`$]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const ext = extensionOf(name);
  if (!kind.extensions.includes(ext)) name = `${name || 'file'}.${kind.extensions[0]}`;
  if (name.length > 120) name = `${name.slice(0, 110).trim()}.${extensionOf(name)}`;
  return name;
}
