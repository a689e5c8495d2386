import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { streamXml } from './xml-rows.ts';

/** The PostLinks of a Stack Exchange dump between its questions, as the eval uses them. */
export interface DumpLinks {
  /** Ids of the dump's questions (PostTypeId 1). */
  questions: Set<number>;
  /**
   * For each question with at least one link, the questions it is linked to: related (LinkTypeId 1)
   * and duplicate (LinkTypeId 3) links, taken as symmetric; links to posts outside the dump, to
   * answers or to the question itself are left out.
   */
  links: Map<number, Set<number>>;
}

const LINK_TYPES = new Set(['1', '3']);

/** Reads Posts.xml (ids and types only) and PostLinks.xml of a dump folder. Throws naming a missing or broken file. */
export async function readDumpLinks(dir: string): Promise<DumpLinks> {
  const questions = new Set<number>();
  for (const name of ['Posts.xml', 'PostLinks.xml']) if (!existsSync(join(dir, name))) throw new Error(`${join(dir, name)}: no such file`);
  await streamXml(join(dir, 'Posts.xml'), {
    open: (name, a) => {
      if (name === 'row' && a.PostTypeId === '1' && a.Id) questions.add(Number(a.Id));
    },
  });
  const links = new Map<number, Set<number>>();
  const add = (from: number, to: number) => {
    let set = links.get(from);
    if (!set) links.set(from, (set = new Set()));
    set.add(to);
  };
  await streamXml(join(dir, 'PostLinks.xml'), {
    open: (name, a) => {
      if (name !== 'row' || !LINK_TYPES.has(a.LinkTypeId ?? '')) return;
      const from = Number(a.PostId);
      const to = Number(a.RelatedPostId);
      if (from === to || !questions.has(from) || !questions.has(to)) return;
      add(from, to);
      add(to, from);
    },
  });
  return { questions, links };
}
