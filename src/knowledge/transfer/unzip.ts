import { Unzip, UnzipInflate } from 'fflate';
import type { FileIssue } from './front-matter.ts';
import { folderError } from './import.service.ts';

/** Limits of an uploaded zip: its own size, and what it may unpack to (so a zip bomb stops early). */
export const ZIP_LIMITS = { maxZipBytes: 10 * 1024 * 1024, maxUnpackedBytes: 50 * 1024 * 1024, maxEntries: 5000 } as const;

/** Unpacks every entry, counting bytes as they inflate; null when the total passes the limit. */
function unpack(bytes: Uint8Array, name: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let entries = 0;
  let problem: string | null = null;
  const unzip = new Unzip((file) => {
    if (problem) return;
    if (++entries > ZIP_LIMITS.maxEntries) {
      problem = `holds more than ${ZIP_LIMITS.maxEntries} entries`;
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) problem ??= 'is not a readable zip archive';
      if (problem) return file.terminate();
      total += data.length;
      if (total > ZIP_LIMITS.maxUnpackedBytes) {
        problem = `unpacks to more than ${ZIP_LIMITS.maxUnpackedBytes / 1024 / 1024} MB`;
        return file.terminate();
      }
      chunks.push(data);
      if (final) out.set(file.name, Buffer.concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    problem ??= 'is not a readable zip archive';
  }
  if (problem) throw folderError([{ file: name, message: problem }]);
  return out;
}

/**
 * Reads an uploaded knowledge zip into the folder map importKnowledge takes: the `.md` files
 * directly inside `articles/` and `glossary/`, under one optional top folder (as the download has
 * it). Nothing touches the disk. An entry whose path is absolute or climbs out (`..`), sits in a
 * sub-folder, or is not `.md` is a 400 naming it; so is a zip that is unreadable or too big.
 */
export function readKnowledgeZip(bytes: Uint8Array, name = 'the upload'): Map<string, Uint8Array> {
  if (bytes.length > ZIP_LIMITS.maxZipBytes) throw folderError([{ file: name, message: `is larger than ${ZIP_LIMITS.maxZipBytes / 1024 / 1024} MB` }]);
  const entries = unpack(bytes, name);
  const names = [...entries.keys()];
  if (names.length === 0) throw folderError([{ file: name, message: 'is not a zip archive of a knowledge folder (it is empty or unreadable)' }]);
  const issues: FileIssue[] = [];
  for (const n of names) {
    if (n.startsWith('/') || n.includes('\\') || n.split('/').some((part) => part === '..') || /^[A-Za-z]:/.test(n)) issues.push({ file: n, message: 'has a path outside the folder' });
  }
  if (issues.length > 0) throw folderError(issues);
  // One top folder (the download's `<slug>-knowledge/`) is stripped when every entry is inside it.
  const top = names[0]?.split('/')[0] ?? '';
  const strip = top !== 'articles' && top !== 'glossary' && names.every((n) => n.startsWith(`${top}/`)) ? top.length + 1 : 0;
  const files = new Map<string, Uint8Array>();
  let found = false;
  for (const n of names.sort()) {
    const rel = n.slice(strip);
    const parts = rel.split('/');
    if (parts[0] !== 'articles' && parts[0] !== 'glossary') continue;
    found = true;
    if (rel.endsWith('/') && parts.length <= 3) continue;
    const base = parts[parts.length - 1] ?? '';
    if (base.startsWith('.')) continue;
    if (parts.length > 2) issues.push({ file: rel, message: 'is in a sub-folder; only .md files directly inside articles/ and glossary/ are read' });
    else if (!base.endsWith('.md')) issues.push({ file: rel, message: 'is not a .md file' });
    else files.set(rel, entries.get(n) ?? new Uint8Array());
  }
  if (!found) issues.push({ file: name, message: 'has neither an articles/ nor a glossary/ folder; is it a knowledge export?' });
  if (issues.length > 0) throw folderError(issues);
  return files;
}
