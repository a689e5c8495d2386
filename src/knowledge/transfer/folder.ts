import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileIssue } from './front-matter.ts';
import { folderError } from './import.service.ts';

/** Files larger than this are refused without being read (bodies are far smaller). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const KINDS = ['articles', 'glossary'] as const;

async function lstatOrNull(p: string) {
  try {
    return await fs.lstat(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Reads a knowledge folder from disk: the regular `.md` files directly inside `articles/` and
 * `glossary/` (dotfiles skipped). A symbolic link, a sub-folder, another kind of file or an
 * oversized file is a 400 naming it, so nothing outside the folder is ever read.
 */
export async function readKnowledgeFolder(dir: string): Promise<Map<string, Uint8Array>> {
  const top = await lstatOrNull(dir);
  if (!top || !(await fs.stat(dir)).isDirectory()) throw folderError([{ file: dir, message: 'is not a folder' }]);
  const root = await fs.realpath(dir);
  const issues: FileIssue[] = [];
  const files = new Map<string, Uint8Array>();
  let found = 0;
  for (const kind of KINDS) {
    const sub = path.join(root, kind);
    const st = await lstatOrNull(sub);
    if (!st) continue;
    found++;
    if (st.isSymbolicLink() || !st.isDirectory()) {
      issues.push({ file: `${kind}/`, message: st.isSymbolicLink() ? 'is a symbolic link; only a real folder inside the export is read' : 'is not a folder' });
      continue;
    }
    const entries = (await fs.readdir(sub, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const rel = `${kind}/${e.name}`;
      if (e.isSymbolicLink()) issues.push({ file: rel, message: 'is a symbolic link; only regular files inside the folder are read' });
      else if (e.isDirectory()) issues.push({ file: rel, message: 'is a folder; only .md files directly inside articles/ and glossary/ are read' });
      else if (!e.isFile() || !e.name.endsWith('.md')) issues.push({ file: rel, message: 'is not a .md file' });
      else {
        const full = path.join(sub, e.name);
        if ((await fs.stat(full)).size > MAX_FILE_BYTES) issues.push({ file: rel, message: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` });
        else files.set(rel, new Uint8Array(await fs.readFile(full)));
      }
    }
  }
  if (found === 0) issues.push({ file: dir, message: 'has neither an articles/ nor a glossary/ folder; is it a knowledge export?' });
  if (issues.length > 0) throw folderError(issues);
  return files;
}

/**
 * Writes a knowledge folder to `dir` (with `articles/` and `glossary/` even when empty), which must not exist or be empty (so no stale file from an
 * earlier export is mixed in). Returns false, writing nothing, when it is not empty.
 */
export async function writeKnowledgeFolder(dir: string, files: Map<string, string>): Promise<boolean> {
  const existing = await lstatOrNull(dir);
  if (existing && (!existing.isDirectory() || (await fs.readdir(dir)).length > 0)) return false;
  for (const [rel, text] of files) {
    const target = path.join(dir, ...rel.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text, 'utf8');
  }
  // Both folders always exist, so the export of an empty community imports as "nothing to do".
  for (const kind of KINDS) await fs.mkdir(path.join(dir, kind), { recursive: true });
  return true;
}
