import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import { countRows } from '../discussions/discussions.fixtures.ts';

const kindOf = async (t: TestApp, id: number) => (await t.deps.db.selectFrom('users').select('account_kind').where('id', '=', id).executeTakeFirstOrThrow()).account_kind;
const kindChanges = (t: TestApp) => t.deps.db.selectFrom('activity').selectAll().where('verb', '=', 'user.kind_changed').orderBy('id').execute();

describeEachDialect('admin: account kinds (person, staff, bot)', (dialect) => {
  let t: TestApp;
  let admin: Browser;
  let adminId: number;
  let member: Browser;
  let helperId: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const a = await makeUser(t.deps.db, { role: 'admin', display_name: 'Root Admin' });
    adminId = a.id;
    admin = await signInAs(t, a.id);
    const m = await makeUser(t.deps.db, { display_name: 'Mona Member' });
    member = await signInAs(t, m.id);
    helperId = (await makeUser(t.deps.db, { display_name: 'Helper Bot', username: `helperbot_${dialect}` })).id;
  });
  afterAll(async () => t.close());

  it('starts every account as a person and lists the kind', async () => {
    expect(await kindOf(t, helperId)).toBe('person');
    const list = (await api(t, 'GET', `/api/v1/admin/users?q=helperbot_${dialect}`, undefined, admin)).json() as { items: Array<{ id: number; accountKind: string }> };
    expect(list.items).toEqual([expect.objectContaining({ id: helperId, accountKind: 'person' })]);
  });

  it('marks an account as a bot through the API and records user.kind_changed with from and to', async () => {
    const res = await api(t, 'PATCH', `/api/v1/admin/users/${helperId}`, { accountKind: 'bot' }, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: helperId, accountKind: 'bot', role: 'member' });
    expect(await kindOf(t, helperId)).toBe('bot');
    const acts = await kindChanges(t);
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ actor_id: adminId, subject_type: 'user', subject_id: helperId, community_id: null });
    expect(JSON.parse(acts[0]!.data)).toEqual({ from: 'person', to: 'bot' });
    // The same kind again changes and records nothing.
    expect((await api(t, 'PATCH', `/api/v1/admin/users/${helperId}`, { accountKind: 'bot' }, admin)).statusCode).toBe(200);
    expect(await kindChanges(t)).toHaveLength(1);
  });

  it('rejects any other kind with 400 naming accountKind, and writes nothing', async () => {
    const before = await countRows(t.deps.db, 'activity');
    for (const accountKind of ['robot', '', 'PERSON', 3, null]) {
      const res = await api(t, 'PATCH', `/api/v1/admin/users/${helperId}`, { accountKind }, admin);
      expect(res.statusCode, String(accountKind)).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('accountKind');
    }
    const empty = await api(t, 'PATCH', `/api/v1/admin/users/${helperId}`, {}, admin);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.map((d: { field: string }) => d.field)).toEqual(['role', 'accountKind']);
    expect(await kindOf(t, helperId)).toBe('bot');
    expect(await countRows(t.deps.db, 'activity')).toBe(before);
  });

  it('answers 404 for an unknown user', async () => {
    expect((await api(t, 'PATCH', '/api/v1/admin/users/999999', { accountKind: 'staff' }, admin)).statusCode).toBe(404);
  });

  it('refuses members (403) and anonymous visitors (401), on the API and the page form, changing nothing', async () => {
    const before = await countRows(t.deps.db, 'activity');
    expect((await api(t, 'PATCH', `/api/v1/admin/users/${helperId}`, { accountKind: 'person' }, member)).statusCode).toBe(403);
    expect((await api(t, 'PATCH', `/api/v1/admin/users/${helperId}`, { accountKind: 'person' })).statusCode).toBe(401);
    expect((await postForm(t, `/admin/users/${helperId}/kind`, { accountKind: 'person' }, member)).statusCode).toBe(403);
    expect((await postForm(t, `/admin/users/${helperId}/kind`, { accountKind: 'person' }, anonymousBrowser())).statusCode).toBe(401);
    expect(await kindOf(t, helperId)).toBe('bot');
    expect(await countRows(t.deps.db, 'activity')).toBe(before);
  });

  it('shows the kind on the users page with a labelled form that changes it (303 back to the search)', async () => {
    const page = await t.app.inject({ url: `/admin/users?q=helperbot_${dialect}`, headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="col">Account kind</th>');
    expect(page.body).toContain(`<label for="kind-${helperId}" class="visually-hidden">Account kind of Helper Bot</label>`);
    expect(page.body).toMatch(new RegExp(`<select id="kind-${helperId}" name="accountKind">[\\s\\S]*?<option value="bot" selected[^>]*>Bot</option>`));
    const res = await postForm(t, `/admin/users/${helperId}/kind`, { accountKind: 'staff', q: 'helper' }, admin);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/users?q=helper');
    expect(await kindOf(t, helperId)).toBe('staff');
    expect(JSON.parse((await kindChanges(t)).at(-1)!.data)).toEqual({ from: 'bot', to: 'staff' });
  });

  it('answers a bad kind from the page form with a 400 page naming the field, changing nothing', async () => {
    const before = await countRows(t.deps.db, 'activity');
    const res = await postForm(t, `/admin/users/${helperId}/kind`, { accountKind: 'alien' }, admin);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('AccountKind must be one of: person, staff, bot');
    expect(await kindOf(t, helperId)).toBe('staff');
    expect(await countRows(t.deps.db, 'activity')).toBe(before);
  });

  it('changes role and kind together in one request', async () => {
    const u = await makeUser(t.deps.db);
    const res = await api(t, 'PATCH', `/api/v1/admin/users/${u.id}`, { role: 'admin', accountKind: 'staff' }, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'admin', accountKind: 'staff' });
  });
});
