import { describe, expect, it } from 'vitest';
import { makeUser } from '../test/helpers/factories.ts';
import { checkPage, chromiumMissing, SKIP_REASON, useJourney } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

describe.skipIf(chromiumMissing)(`a member asks for a mentor and the mentor accepts, in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 240_000 }, () => {
  const journey = useJourney();

  it('M offers mentoring; N asks from the proposals; M accepts from the notification; N adds a goal and a check-in', async () => {
    const db = journey.server.t.deps.db;
    await makeUser(db, { username: 'mira-mentor', display_name: 'Mira Mentor', time_zone: 'Europe/Berlin' });
    await makeUser(db, { username: 'noah-newcomer', display_name: 'Noah Newcomer', time_zone: 'Europe/Lisbon' });

    // M becomes a mentor through the form on /mentoring.
    const m = await journey.signedIn('mira-mentor');
    await m.page.goto('/mentoring');
    await checkPage(m, 'mentoring-overview-empty');
    await m.page.getByLabel('Skills you can mentor').fill('Flood modelling, GIS');
    await m.page.getByLabel('How many mentees at a time').fill('2');
    await m.page.getByLabel('Your time zone').selectOption('Europe/Berlin');
    await Promise.all([m.page.waitForURL((u) => u.pathname === '/mentoring'), m.page.getByRole('button', { name: 'Offer mentoring' }).click()]);
    expect(await m.page.locator('.flash').innerText()).toContain('listed on the mentors page');

    // N finds mentors, then asks for mentoring without naming one and picks from the proposals.
    const n = await journey.signedIn('noah-newcomer');
    await n.page.goto('/mentors?skill=flood+modelling');
    expect(await n.page.locator('main').innerText()).toContain('Mira Mentor');
    await checkPage(n, 'mentoring-mentors');
    await n.page.goto('/mentoring/request');
    await n.page.getByLabel('What do you want to get better at?').fill('Build my first **flood model** for the river study.');
    await n.page.getByLabel('Skills to learn').fill('Flood modelling');
    await checkPage(n, 'mentoring-request-form');
    await Promise.all([n.page.waitForURL(/\/mentoring\/requests\/\d+$/), n.page.getByRole('button', { name: 'Ask', exact: true }).click()]);
    const proposals = n.page.locator('main');
    expect(await proposals.innerText()).toContain('offers Flood modelling');
    expect(await proposals.innerText()).toContain('7 h working-hours overlap');
    expect(await proposals.innerText()).toContain('2 of 2 places free');
    await checkPage(n, 'mentoring-request-proposals');
    const requestUrl = new URL(n.page.url()).pathname;
    await Promise.all([n.page.waitForURL((u) => u.pathname === requestUrl), n.page.getByRole('button', { name: 'Ask Mira Mentor' }).click()]);
    expect(await n.page.locator('main').innerText()).toContain('pending');

    // M hears of it, opens the request and accepts.
    await m.page.goto('/notifications');
    await checkPage(m, 'mentoring-notification');
    await Promise.all([m.page.waitForURL((u) => u.pathname === requestUrl), m.page.getByRole('link', { name: 'Noah Newcomer asks you for mentoring in Flood modelling' }).click()]);
    expect(await m.page.locator('main').innerText()).toContain('flood model');
    await checkPage(m, 'mentoring-request-to-mentor');
    await Promise.all([m.page.waitForURL(/\/mentoring\/\d+$/), m.page.getByRole('button', { name: 'Accept' }).click()]);
    const mentorshipUrl = new URL(m.page.url()).pathname;
    expect(await m.page.locator('h1').innerText()).toBe('Mira Mentor mentoring Noah Newcomer');

    // N is told, adds a goal and a private check-in.
    await n.page.goto('/notifications');
    await Promise.all([n.page.waitForURL((u) => u.pathname === mentorshipUrl), n.page.getByRole('link', { name: 'Mira Mentor accepted your mentoring request' }).click()]);
    await n.page.getByLabel('New goal').fill('Calibrate the model against the 2021 flood');
    await Promise.all([n.page.waitForURL((u) => u.pathname === mentorshipUrl), n.page.getByRole('button', { name: 'Add the goal' }).click()]);
    await n.page.getByLabel('New check-in').fill('First call: we picked **HEC-RAS** and found the gauge data.');
    await Promise.all([n.page.waitForURL((u) => u.pathname === mentorshipUrl), n.page.getByRole('button', { name: 'Save the check-in' }).click()]);
    const main = n.page.locator('main');
    expect(await main.innerText()).toContain('Calibrate the model against the 2021 flood');
    expect(await main.locator('strong', { hasText: 'HEC-RAS' }).count()).toBe(1);
    await checkPage(n, 'mentoring-mentorship');

    // The mentor's profile shows the offer with one place left.
    await n.page.goto('/u/mira-mentor');
    expect(await n.page.locator('#profile-mentoring').locator('..').innerText()).toContain('1 of 2 places free');
    await checkPage(n, 'mentoring-profile');
  });
});
