import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity } from '../../../test/helpers/factories.ts';
import type { NetworkDto } from './network.schema.ts';
import { networkWorld, WORLD_NOW } from './network.world.ts';

const usernames = (net: NetworkDto) => net.nodes.map((n) => n.displayName).sort();

describeEachDialect('member network pages and API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof networkWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(WORLD_NOW) });
    w = await networkWorld(t);
  });
  afterAll(async () => t.close());

  it('shows a member of both communities everyone and names Bridget as the broker between them', async () => {
    const res = await api(t, 'GET', '/api/v1/network', undefined, w.as.bridget);
    expect(res.statusCode).toBe(200);
    const net = res.json() as NetworkDto;
    expect(usernames(net)).toEqual(['Ana Anchor', 'Ben Beam', 'Bridget Broker', 'Cas Core', 'Yan Hidden', 'Zed Secretson']);
    const broker = net.brokers.find((b) => b.member.displayName === 'Bridget Broker')!;
    expect(broker.reason).toBe('articulation');
    expect(broker.groups.map((g) => g.community?.name).sort()).toEqual(['Open Guild', 'Whisper Circle']);
    expect(net.spanners.map((s) => [s.member.displayName, s.communities.map((c) => c.name).sort()])).toEqual([['Bridget Broker', ['Open Guild', 'Whisper Circle']]]);
    // Ana and Bridget each sit on 6 of the 15 shortest paths between the others: 2·6/(5·4) = 0.6; Zed on 4: 0.4.
    expect(net.topBetweenness.map((x) => [x.member.displayName, x.betweenness])).toEqual([['Ana Anchor', 0.6], ['Bridget Broker', 0.6], ['Zed Secretson', 0.4]]);
  });

  it('never shows an outsider the private circle: its edges, its people or that Bridget spans it', async () => {
    for (const as of [w.as.outsider, anonymousBrowser(), w.as.admin, w.as.ana]) {
      const res = await api(t, 'GET', '/api/v1/network', undefined, as);
      const net = res.json() as NetworkDto;
      expect(usernames(net)).toEqual(['Ana Anchor', 'Ben Beam', 'Bridget Broker', 'Cas Core']);
      expect(res.body).not.toMatch(/Whisper|Secretson|Yan Hidden/);
      expect(net.spanners).toEqual([]);
      const page = await t.app.inject({ method: 'GET', url: '/network', headers: { cookie: as.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toMatch(/Whisper|Secretson|Yan Hidden/);
      for (const url of [`/api/v1/communities/${w.circle.slug}/network`, `/c/${w.circle.slug}/network`]) {
        const hidden = await t.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
        expect(hidden.statusCode).toBe(404);
        expect(hidden.body).not.toMatch(/Whisper|Secretson|Yan Hidden/);
      }
    }
  });

  it('shows a community its own network, with the spanners the reader may see', async () => {
    const pub = (await api(t, 'GET', `/api/v1/communities/${w.guild.slug}/network`, undefined, anonymousBrowser())).json() as NetworkDto;
    expect(pub.community?.name).toBe('Open Guild');
    expect(usernames(pub)).toEqual(['Ana Anchor', 'Ben Beam', 'Bridget Broker', 'Cas Core']);
    // Bridget alone hanging off Ana is no separate group (no articulation broker), but Ana sits between the detected groups.
    expect(pub.brokers.map((b) => [b.member.displayName, b.reason])).toEqual([['Ana Anchor', 'between-groups']]);
    expect(pub.spanners).toEqual([]);
    const mine = (await api(t, 'GET', `/api/v1/communities/${w.guild.slug}/network`, undefined, w.as.bridget)).json() as NetworkDto;
    expect(mine.spanners.map((s) => s.member.displayName)).toEqual(['Bridget Broker']);
  });

  it('draws the network as well-formed SVG with a title and description, beside tables of the same data', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/c/${w.guild.slug}/network`, headers: { cookie: w.as.ana.cookie } });
    expect(page.statusCode).toBe(200);
    const svg = /<svg class="network-drawing"[\s\S]*?<\/svg>/.exec(page.body)?.[0] ?? '';
    const seen: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (tag) => seen.push(tag.local));
    parser.write(svg).close(); // throws on malformed XML
    expect(seen.slice(0, 3)).toEqual(['svg', 'title', 'desc']);
    expect(seen.filter((x) => x === 'circle')).toHaveLength(4);
    expect(svg).toContain('aria-labelledby="network-title network-desc"');
    expect(svg).toContain(`href="/u/${w.ana.username}"`);
    expect(page.body).toContain('Who connects separate groups');
    expect(page.body).toContain('Boundary spanners');
    expect(page.body).toMatch(/<table class="table">[\s\S]*Ana Anchor/);
    expect(page.body).toMatch(/Ties<\/dt><dd>4<\/dd>/);
  });

  it('says so when nobody has interacted yet', async () => {
    const quiet = await makeCommunity(t.deps.db, w.outsider.id, { name: 'Quiet Corner' });
    const page = await t.app.inject({ method: 'GET', url: `/c/${quiet.slug}/network` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No interactions yet');
    expect(page.body).not.toContain('<svg class="network-drawing"');
  });

  it('lets an organisation admin rebuild it on demand, recording who did', async () => {
    expect((await api(t, 'POST', '/api/v1/network/rebuild', {}, w.as.ana)).statusCode).toBe(403);
    const res = await api(t, 'POST', '/api/v1/network/rebuild', {}, w.as.admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ edgeCount: 6 });
    const act = await t.deps.db.selectFrom('activity').select(['actor_id', 'verb']).where('verb', '=', 'network.rebuilt').execute();
    expect(act).toEqual([{ actor_id: w.admin.id, verb: 'network.rebuilt' }]);
  });

  it('shows "Connects" on a profile: what Bridget bridges to her co-members, only the open guild to others', async () => {
    await api(t, 'GET', '/api/v1/network', undefined, w.as.bridget); // the profile reads the organisation summary only once it is cached
    const own = await t.app.inject({ method: 'GET', url: `/u/${w.bridget.username}`, headers: { cookie: w.as.bridget.cookie } });
    expect(own.body).toMatch(/Links otherwise separate groups:[^.]*Ana Anchor[^.]* with [^.]*Zed Secretson/);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Connects');
    expect(own.body).toMatch(/Bridges (Open Guild and Whisper Circle|Whisper Circle and Open Guild)/);
    expect(own.body).toContain('Zed Secretson');
    for (const as of [w.as.outsider, anonymousBrowser()]) {
      const page = await t.app.inject({ method: 'GET', url: `/u/${w.bridget.username}`, headers: { cookie: as.cookie } });
      expect(page.body).toContain('Ana Anchor');
      expect(page.body).toContain('3 answers');
      expect(page.body).not.toMatch(/Whisper|Secretson|Yan Hidden|Bridges/);
      const json = await api(t, 'GET', `/api/v1/users/${w.bridget.username}/connections`, undefined, as);
      expect(json.json()).toMatchObject({ bridges: [], partners: [{ displayName: 'Ana Anchor', kinds: { answered: 3 } }] });
    }
    expect((await api(t, 'GET', '/api/v1/users/nobody-here/connections')).statusCode).toBe(404);
  });

  it('documents every network API route in the OpenAPI with its tag and a summary', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    for (const [path, method] of [['/api/v1/network', 'get'], ['/api/v1/communities/{slug}/network', 'get'], ['/api/v1/users/{username}/connections', 'get'], ['/api/v1/network/rebuild', 'post']] as const) {
      const op = doc.paths[path]?.[method];
      expect(op?.tags, `${method} ${path}`).toEqual(['network']);
      expect(op?.summary).toBeTruthy();
    }
  });

  it('answers an unknown community with 404, as it does a private one', async () => {
    const res = await api(t, 'GET', '/api/v1/communities/no-such-community/network');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
