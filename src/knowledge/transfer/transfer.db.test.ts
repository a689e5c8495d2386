import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { exportKnowledge } from './export.service.ts';
import { readKnowledgeFolder, writeKnowledgeFolder } from './folder.ts';
import { importKnowledge } from './import.service.ts';
import { folderOf, knowledgeCounts, LONG_TAG, tempDir, transferWorld } from './transfer.fixtures.ts';

describeEachDialect('knowledge export and import', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof transferWorld>>;
  let exported: Map<string, string>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await transferWorld(t.deps);
    exported = await exportKnowledge(t.deps.db, w.a.id);
  });
  afterAll(async () => t.close());

  describe('export', () => {
    it('writes one file per article and term, named by slug with -2 for a clash, plus a README', () => {
      expect([...exported.keys()]).toEqual([
        'README.md',
        'articles/article.md',
        'articles/he-said-hi-bye-null-1-2-not-a-comment.md',
        'articles/null.md',
        'articles/tag-2.md',
        'articles/tag.md',
        'articles/x.md',
        'articles/yes.md',
        'glossary/no.md',
        'glossary/unicode.md',
        'glossary/yaml.md',
      ]);
    });

    it('writes front matter in a fixed key order, YAML-special values quoted, then the body exactly as stored', () => {
      const yes = exported.get('articles/yes.md') ?? '';
      expect(yes).toMatch(new RegExp(`^---\\ntitle: "yes"\\ntype: how-to\\nstate: draft\\ntags:\\n  - ${LONG_TAG}\\n  - yaml\\nwiki: false\\nauthor: ${w.steward.username}\\nowners:\\n  - ${w.steward.username}\\ncreated: "\\S+"\\nupdated: "\\S+"\\n---\\n`));
      expect(yes.endsWith('---\ntitle: not the title\ntype: story\n---\n\nText after a fake front matter.   \n\n\n\n')).toBe(true);
      expect(exported.get('articles/x.md')).toContain('title: ": x"\n');
      expect(exported.get('articles/x.md')).toContain('Line one\r\nLine two with trailing spaces  \r\n\r\n\n');
      expect(exported.get('articles/tag.md')).toContain('title: "#tag"\n');
      expect(exported.get('articles/tag-2.md')).toContain('state: endorsed\n');
      expect(exported.get('articles/null.md')).toContain('title: "null"\n');
      expect(exported.get('articles/null.md')).toContain('tags:\n  - 0-digit\n  - a-first\n  - z-last\n');
      expect(exported.get('glossary/no.md')).toMatch(new RegExp(`^---\\nterm: "no"\\nsynonyms:\\n  - "off"\\nowner: ${w.member.username}\\ncreated: `));
      for (const text of exported.values()) expect(text).not.toMatch(/\bid:|community_id/);
    });
  });

  describe('round trip', () => {
    it('imports into an empty community and exports the same bytes, through a folder on disk', async () => {
      const tmp = tempDir();
      try {
        expect(await writeKnowledgeFolder(path.join(tmp.dir, 'out'), exported)).toBe(true);
        const summary = await importKnowledge(t.deps, w.b.slug, undefined, await readKnowledgeFolder(path.join(tmp.dir, 'out')));
        expect(summary).toEqual({ articles: { created: 7, updated: 0, unchanged: 0 }, glossary: { created: 3, updated: 0, unchanged: 0 } });
        const again = await exportKnowledge(t.deps.db, w.b.id);
        expect([...again.keys()]).toEqual([...exported.keys()]);
        for (const [file, text] of exported) expect({ file, text: again.get(file) }).toEqual({ file, text });
        expect(fs.readFileSync(path.join(tmp.dir, 'out', 'articles', 'x.md'), 'utf8')).toBe(exported.get('articles/x.md'));
        const endorsed = await t.deps.db.selectFrom('articles').select(['id', 'review_due_at']).where('community_id', '=', w.b.id).where('state', '=', 'endorsed').executeTakeFirstOrThrow();
        expect(endorsed.review_due_at).not.toBeNull();
        const moves = await t.deps.db.selectFrom('article_transitions').select(['from_state', 'to_state', 'reason']).where('article_id', '=', endorsed.id).execute();
        expect(moves).toEqual([{ from_state: 'draft', to_state: 'endorsed', reason: 'Imported from a knowledge folder' }]);
      } finally {
        tmp.cleanup();
      }
    });

    it('re-importing the same folder changes nothing: no rows, no revisions, no activity', async () => {
      const before = await knowledgeCounts(t.deps.db);
      const summary = await importKnowledge(t.deps, w.b.slug, undefined, folderOf(exported));
      expect(summary).toEqual({ articles: { created: 0, updated: 0, unchanged: 7 }, glossary: { created: 0, updated: 0, unchanged: 3 } });
      expect(await knowledgeCounts(t.deps.db)).toEqual(before);
    });

    it('a changed body becomes a new revision, a changed term is updated, and one activity row sums it up', async () => {
      const files = new Map(exported);
      files.set('articles/null.md', (files.get('articles/null.md') ?? '').replace('- a\n- b\n', '- a\n- b\n- c\n'));
      files.set('glossary/yaml.md', (files.get('glossary/yaml.md') ?? '').replace('A data language.', 'A data serialisation language.'));
      const before = await knowledgeCounts(t.deps.db);
      const summary = await importKnowledge(t.deps, w.b.slug, w.member.username, folderOf(files));
      expect(summary).toEqual({ articles: { created: 0, updated: 1, unchanged: 6 }, glossary: { created: 0, updated: 1, unchanged: 2 } });
      expect(await knowledgeCounts(t.deps.db)).toEqual({ ...before, article_revisions: before.article_revisions! + 1, activity: before.activity! + 1 });
      const row = await t.deps.db.selectFrom('articles').select(['body', 'revision', 'edited_by']).where('community_id', '=', w.b.id).where('title', '=', 'null').executeTakeFirstOrThrow();
      expect(row).toEqual({ body: '- a\n- b\n- c\n', revision: 2, edited_by: w.member.id });
      const act = await t.deps.db.selectFrom('activity').select(['verb', 'actor_id', 'data']).where('community_id', '=', w.b.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(act.verb).toBe('knowledge.imported');
      expect(act.actor_id).toBe(w.member.id);
      expect(JSON.parse(act.data)).toEqual(summary);
      expect((await importKnowledge(t.deps, w.b.slug, undefined, folderOf(files))).articles.unchanged).toBe(7);
    });
  });

  describe('people and mentions', () => {
    it('gives unknown authors and owners to the importer and keeps unknown @mentions as unlinked text', async () => {
      const file = `---\ntitle: From elsewhere\ntype: how-to\nauthor: nobody-here\nowners:\n  - nobody-here\n  - ${w.member.username}\n---\nAsk @ghost-person or @${w.member.username}.\n`;
      await importKnowledge(t.deps, w.b.slug, undefined, folderOf({ 'articles/elsewhere.md': file }));
      const a = await t.deps.db.selectFrom('articles').select(['id', 'author_id', 'body', 'body_html']).where('community_id', '=', w.b.id).where('title', '=', 'From elsewhere').executeTakeFirstOrThrow();
      expect(a.author_id).toBe(w.steward.id);
      const owners = await t.deps.db.selectFrom('article_owners').select('user_id').where('article_id', '=', a.id).orderBy('user_id').execute();
      expect(owners.map((o) => o.user_id).sort()).toEqual([w.steward.id, w.member.id].sort());
      expect(a.body).toBe(`Ask @ghost-person or @${w.member.username}.`);
      expect(a.body_html).toContain(`href="/u/${w.member.username}"`);
      expect(a.body_html).not.toContain('/u/ghost-person');
    });

    it('records the internal links of an imported article, as writing it would', async () => {
      const target = await t.deps.db.selectFrom('articles').select('id').where('community_id', '=', w.b.id).where('title', '=', 'yes').executeTakeFirstOrThrow();
      const file = `---\ntitle: Linking\ntype: reference\n---\nSee [yes](/c/${w.b.slug}/a/${target.id}).\n`;
      await importKnowledge(t.deps, w.b.slug, undefined, folderOf({ 'articles/linking.md': file }));
      const source = await t.deps.db.selectFrom('articles').select('id').where('community_id', '=', w.b.id).where('title', '=', 'Linking').executeTakeFirstOrThrow();
      const links = await t.deps.db.selectFrom('links').select(['target_type', 'target_id']).where('source_type', '=', 'article').where('source_id', '=', source.id).execute();
      expect(links).toEqual([{ target_type: 'article', target_id: target.id }]);
    });
  });
});
