import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, withSetCookies, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { pageFindings } from '../../../test/helpers/html-safety.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { endorse, expectStatus, lifecycleCounts, lifecycleWorld, stateOf, transition, writeTagged } from './lifecycle.fixtures.ts';

describeEachDialect('lifecycle pages', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof lifecycleWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await lifecycleWorld(t);
  });
  afterAll(async () => t.close());

  const get = (url: string, who: Omit<Browser, 'userId'> = w.as.member) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  /** Follows a 303 with the cookies it set (the flash travels in them). */
  const follow = (res: LightMyRequestResponse, who: Omit<Browser, 'userId'>) => {
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    return t.app.inject({ method: 'GET', url: res.headers.location as string, headers: { cookie: withSetCookies(res, who.cookie) } });
  };
  const page = (id: number, slug = w.pub.slug) => `/c/${slug}/a/${id}`;
  const duplicateIds = (html: string) => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  };
  /** A refused form post: this status, the error summary, nothing written. */
  const refusedForm = async (status: number, url: string, fields: Record<string, string>, who: Omit<Browser, 'userId'>) => {
    const before = await lifecycleCounts(t.deps.db);
    const res = await postForm(t, url, fields, who);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    expect(await lifecycleCounts(t.deps.db)).toEqual(before);
    return res.body;
  };

  describe('the article page', () => {
    it('shows the state, the owner’s actions and an empty history, safely and with unique ids', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      const html = (await get(page(id))).body;
      expect(html).toContain('lifecycle-state--draft');
      expect(html).toContain('Propose for endorsement');
      expect(html).toContain('A draft since it was written.');
      expect(html).toContain(`action="${page(id)}/delete"`);
      expect(pageFindings(html)).toEqual([]);
      expect(duplicateIds(html)).toEqual([]);
      const other = (await get(page(id), w.as.other)).body;
      expect(other).not.toContain('Propose for endorsement');
      expect(other).not.toContain(`action="${page(id)}/delete"`);
    });

    it('proposes through the form, with a flash and the history saying who and why', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      const shown = await follow(await postForm(t, `${page(id)}/transition`, { to: 'proposed', reason: 'Tried it on ten knives' }, w.as.member), w.as.member);
      expect(shown.body).toContain('The article is now proposed.');
      expect(shown.body).toContain('Tried it on ten knives');
      expect(shown.body).toContain(w.member.display_name);
      expect(await stateOf(t.deps.db, id)).toBe('proposed');
    });

    it('lets an expert endorse with a note and withdraw, and a steward endorse at once', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      expectStatus(await transition(t, id, { to: 'proposed' }, w.as.member), 200);
      expect((await get(page(id), w.experts[0])).body).toContain(`action="${page(id)}/endorse"`);
      const after = await follow(await postForm(t, `${page(id)}/endorse`, { note: 'Matches my experience' }, w.experts[0]), w.experts[0]);
      expect(after.body).toContain('You endorsed the article.');
      expect(after.body).toContain('Matches my experience');
      expect(after.body).toContain(`action="${page(id)}/unendorse"`);
      expect((await follow(await postForm(t, `${page(id)}/unendorse`, {}, w.experts[0]), w.experts[0])).body).toContain('Your endorsement is withdrawn.');
      const other = (await get(page(id), w.as.other)).body;
      expect(other).not.toContain(`action="${page(id)}/endorse"`);
      expect(other).toContain('expertise');
      expect((await follow(await postForm(t, `${page(id)}/endorse`, {}, w.as.steward), w.as.steward)).body).toContain('it is now endorsed');
      expect(await stateOf(t.deps.db, id)).toBe('endorsed');
    });

    it('shows refusals on a page with an error summary and writes nothing', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      const noReason = await refusedForm(400, `${page(id)}/transition`, { to: 'archived', reason: '' }, w.as.member);
      expect(noReason).toContain('error-summary');
      expect(noReason).toContain('say why you archive it');
      expect(noReason).toContain('href="#f-reason"');
      expect(noReason).toContain('id="f-reason"');
      expect(await refusedForm(409, `${page(id)}/transition`, { to: 'endorsed' }, w.as.member)).toContain('cannot become endorsed');
      expect(await refusedForm(400, `${page(id)}/transition`, { to: 'nonsense' }, w.as.member)).toContain('choose a state');
      await refusedForm(403, `${page(id)}/transition`, { to: 'proposed' }, w.as.other);
      expectStatus(await transition(t, id, { to: 'proposed' }, w.as.member), 200);
      await refusedForm(403, `${page(id)}/endorse`, {}, w.as.member);
      await refusedForm(403, `${page(id)}/endorse`, {}, w.as.other);
      await refusedForm(409, `${page(id)}/unendorse`, {}, w.experts[0]);
      const elsewhere = await writeTagged(t, w.as.member, w.priv.slug);
      const bad = await refusedForm(400, `${page(id)}/transition`, { to: 'superseded', successorId: String(elsewhere) }, w.as.member);
      expect(bad).toContain('must be an article of this community');
      expect(duplicateIds(bad)).toEqual([]);
      await refusedForm(404, `/c/${w.priv.slug}/a/${id}/transition`, { to: 'archived', reason: 'x' }, w.as.member);
    });

    it('supersedes from the form; the old article names its successor and the successor names it', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug, { title: 'Old way' });
      const next = await writeTagged(t, w.as.member, w.pub.slug, { title: 'New way' });
      expectStatus(await transition(t, id, { to: 'proposed' }, w.as.member), 200);
      expect((await get(page(id))).body).toContain(`<option value="${next}">New way</option>`);
      const shown = await follow(await postForm(t, `${page(id)}/transition`, { to: 'superseded', successorId: String(next), reason: '' }, w.as.member), w.as.member);
      expect(shown.body).toMatch(/Superseded by <a href="\/c\/[^"]+\/a\/\d+">New way<\/a>/);
      expect((await get(page(next))).body).toMatch(/Supersedes\s*(<!-- -->)?\s*<a href="[^"]+">Old way<\/a>/);
    });

    it('deletes a never-proposed draft from the page and lists what is left', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug, { title: 'Throwaway draft' });
      const list = await follow(await postForm(t, `${page(id)}/delete`, {}, w.as.member), w.as.member);
      expect(list.body).toContain('“Throwaway draft” is deleted.');
      expect(await stateOf(t.deps.db, id)).toBeUndefined();
      const proposed = await writeTagged(t, w.as.member, w.pub.slug);
      expectStatus(await transition(t, proposed, { to: 'proposed' }, w.as.member), 200);
      await refusedForm(403, `${page(proposed)}/delete`, {}, w.as.member);
    });
  });

  describe('the article list', () => {
    it('hides archived articles unless the state filter asks for them, and offers the filter', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug, { title: 'Archived recipe' });
      expectStatus(await transition(t, id, { to: 'archived', reason: 'Obsolete' }, w.as.member), 200);
      const all = (await get(`/c/${w.pub.slug}/articles`)).body;
      expect(all).not.toContain('Archived recipe');
      expect(all).toContain('name="state"');
      const archived = (await get(`/c/${w.pub.slug}/articles?state=archived`)).body;
      expect(archived).toContain('Archived recipe');
      expect(archived).toContain('State: archived');
    });

    it('shows endorsed articles with their state badge', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug, { title: 'Endorsed recipe' });
      expectStatus(await transition(t, id, { to: 'proposed' }, w.as.member), 200);
      expectStatus(await endorse(t, id, w.as.steward), 201);
      expect((await get(`/c/${w.pub.slug}/articles?state=endorsed`)).body).toMatch(/lifecycle-state--endorsed[^>]*>State: (<!-- -->)?endorsed/);
    });
  });

  describe('knowledge settings', () => {
    const url = () => `/c/${w.pub.slug}/settings/knowledge`;
    const good = { endorsementsRequired: '2', reviewIntervalDays: '90', stewardEndorsement: 'on' };

    it('is linked from the community home for stewards only, and shown to stewards only', async () => {
      expect((await get(`/c/${w.pub.slug}`, w.as.steward)).body).toContain(`href="${url()}"`);
      expect((await get(`/c/${w.pub.slug}`, w.as.member)).body).not.toContain(`href="${url()}"`);
      const html = (await get(url(), w.as.steward)).body;
      expect(html).toContain('Knowledge settings of');
      expect(pageFindings(html)).toEqual([]);
      expect((await get(url(), w.as.member)).statusCode).toBe(403);
    });

    it('refuses out-of-range values with an error summary naming each field and writes nothing', async () => {
      const body = await refusedForm(400, url(), { endorsementsRequired: '0', reviewIntervalDays: '5000' }, w.as.steward);
      expect(body).toContain('href="#f-endorsementsRequired"');
      expect(body).toContain('href="#f-reviewIntervalDays"');
      expect(body).toContain('value="5000"');
      await refusedForm(400, url(), { endorsementsRequired: 'three', reviewIntervalDays: '90' }, w.as.steward);
      await refusedForm(403, url(), good, w.as.member);
      await refusedForm(404, `/c/${w.priv.slug}/settings/knowledge`, good, w.as.outsider);
    });

    it('saves settings with a flash', async () => {
      const shown = await follow(await postForm(t, url(), good, w.as.steward), w.as.steward);
      expect(shown.body).toContain('The knowledge settings are saved.');
      expect(shown.body).toContain('value="90"');
      const row = await t.deps.db.selectFrom('community_knowledge_settings').selectAll().where('community_id', '=', w.pub.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ endorsements_required: 2, review_interval_days: 90, steward_endorsement: 1, wiki_default: 0, members_edit_all: 0 });
    });
  });
});
