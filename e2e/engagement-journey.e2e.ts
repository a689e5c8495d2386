import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember, makeCommunity } from '../test/helpers/factories.ts';
import { checkPage, chromiumMissing, SKIP_REASON, useJourney } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

describe.skipIf(chromiumMissing)(`reacting, bookmarking, mentions and moderation in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 180_000 }, () => {
  const journey = useJourney();
  const member = (username: string, displayName: string) => journey.member(username, displayName);
  const mainText = (page: Page) => page.locator('main').innerText();

  it('a member reacts, bookmarks and mentions; the mentioned one is told; a steward closes the topic as a duplicate', async () => {
    const steward = await member('sade-steward', 'Sade Adeyemi');
    const asker = await member('ivo-asks', 'Ivo Marek');
    const helper = await member('lena-helps', 'Lena Park');
    const c = await makeCommunity(journey.server.t.deps.db, steward.id, { slug: 'forge', name: 'The Forge', domain_statement: 'Blacksmithing.' });
    await addMember(journey.server.t.deps.db, c.id, asker.id);
    await addMember(journey.server.t.deps.db, c.id, helper.id);

    // Ivo starts two topics (the second repeats the first).
    const start = async (title: string) => {
      await asker.page.goto('/c/forge/t/new');
      await asker.page.fill('[name="title"]', title);
      await asker.page.fill('[name="body"]', 'How hot should the fire be for **forge welding**?');
      await Promise.all([asker.page.waitForURL(/\/c\/forge\/t\/\d+$/), asker.page.getByRole('button', { name: 'Start topic' }).click()]);
      return new URL(asker.page.url()).pathname;
    };
    const original = await start('Forge welding temperature');
    const duplicate = await start('How hot for forge welding?');

    // Lena reacts, bookmarks the topic and replies mentioning Ivo.
    const h = helper.page;
    await h.goto(original);
    // Reactions nobody gave yet are on the post's reaction page, one link away.
    await Promise.all([h.waitForURL(/\/posts\/\d+\/reactions$/), h.getByRole('link', { name: 'Add a reaction' }).first().click()]);
    const thanks = h.getByRole('button', { name: 'Thanks: 0' });
    await Promise.all([h.waitForURL((u) => u.pathname === original), thanks.click()]);
    expect(await h.getByRole('button', { name: 'Thanks: 1' }).first().getAttribute('aria-pressed')).toBe('true');
    await Promise.all([h.waitForURL((u) => u.pathname === original), h.getByRole('button', { name: 'Bookmark topic' }).click()]);
    expect(await h.getByRole('button', { name: 'Bookmark topic' }).getAttribute('aria-pressed')).toBe('true');
    await h.fill('#f-body', 'Yellow-white heat, @ivo-asks, with borax as flux.');
    await Promise.all([h.waitForURL((u) => u.pathname === original), h.getByRole('button', { name: 'Post reply' }).click()]);
    await checkPage(helper, 'engagement-topic-reacted');
    await h.goto('/bookmarks');
    expect(await mainText(h)).toContain('Forge welding temperature');
    await checkPage(helper, 'engagement-bookmarks');
    await h.goto('/c/forge/watch');
    await checkPage(helper, 'engagement-community-watch');

    // Ivo sees the count in the header and the notifications.
    const a = asker.page;
    await a.goto('/communities');
    expect(await a.locator('header .site-user__notifications').innerText()).toMatch(/Notifications\s*\(\s*\d/);
    await a.goto('/notifications');
    expect(await mainText(a)).toMatch(/Lena Park (mentioned you in|replied to your topic) Forge welding temperature/);
    await checkPage(asker, 'engagement-notifications');
    await Promise.all([a.waitForURL((u) => u.pathname === '/notifications'), a.getByRole('button', { name: 'Mark all read' }).click()]);
    expect(await mainText(a)).toContain('You are all caught up.');

    // Sade closes the repeat as a duplicate of the original, from the moderation page.
    const s = steward.page;
    await s.goto(duplicate);
    await checkPage(steward, 'moderation-topic-panel');
    await s.getByRole('link', { name: 'Close, move or merge…' }).click();
    await checkPage(steward, 'moderation-page');
    await s.selectOption('#f-reason', 'duplicate');
    await s.fill('#f-duplicateOf', original);
    await s.fill('#f-closeNote', 'Answered in the first topic.');
    await Promise.all([s.waitForURL((u) => u.pathname === duplicate), s.getByRole('button', { name: 'Close topic' }).click()]);
    expect(await mainText(s)).toContain('as a duplicate of Forge welding temperature');
    await checkPage(steward, 'moderation-topic-closed');
  });
});
