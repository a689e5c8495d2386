import type { ComponentChildren } from 'preact';
import { Breadcrumbs, EmptyState, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { NetworkDto } from './network.schema.ts';
import { colourKey, NetworkDrawing } from './network.svg.tsx';

type Member = { username: string; displayName: string };
const Who = ({ m }: { m: Member }) => <a href={`/u/${encodeURIComponent(m.username)}`}>{m.displayName}</a>;
const fmt = (x: number) => x.toFixed(3);

/** "Ana, Ben and 4 others (Accessibility Guild)" for a group a broker connects. */
function GroupText({ g }: { g: NetworkDto['brokers'][number]['groups'][number] }) {
  const others = g.size - g.members.length;
  return (
    <>
      {g.members.map((m, i) => (
        <>
          {i > 0 && (i === g.members.length - 1 && others === 0 ? ' and ' : ', ')}
          <Who m={m} />
        </>
      ))}
      {others > 0 && ` and ${others} other${others === 1 ? '' : 's'}`}
      {g.community && ` (${g.community.name})`}
    </>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** The tables beside the drawing: the same data in words (brokers, spanners, top betweenness, counts). */
function NetworkTables({ net }: { net: NetworkDto }) {
  return (
    <>
      <Section title="Who connects separate groups">
        {net.brokers.length === 0 ? (
          <p class="meta">Nobody here holds otherwise separate groups together.</p>
        ) : (
          <ul class="network-brokers">
            {net.brokers.map((b) => (
              <li>
                <Who m={b.member} /> {b.reason === 'articulation' ? 'holds together' : 'bridges'}{' '}
                {b.groups.map((g, i) => (
                  <>
                    {i > 0 && ' with '}
                    <GroupText g={g} />
                  </>
                ))}
                <span class="meta"> · betweenness {fmt(b.betweenness)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Boundary spanners">
        <p class="meta">Members with a strong tie (weight ≥ {net.strongTie}) into two or more communities you can read.</p>
        {net.spanners.length === 0 ? (
          <p class="meta">None yet.</p>
        ) : (
          <ul>
            {net.spanners.map((s) => (
              <li>
                <Who m={s.member} />: {s.communities.map((c) => c.name).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Highest betweenness">
        {net.topBetweenness.length === 0 ? (
          <p class="meta">No one lies between others yet.</p>
        ) : (
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden">Members on the most shortest paths between others</caption>
              <thead>
                <tr><th scope="col">Member</th><th scope="col">Betweenness</th><th scope="col">Partners</th></tr>
              </thead>
              <tbody>
                {net.topBetweenness.map((t) => (
                  <tr><th scope="row"><Who m={t.member} /></th><td>{fmt(t.betweenness)}</td><td>{t.degree}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}

/** A network page: the drawing, the colour key, counts, and the tables of the same data. */
export function NetworkPage(p: { ctx: ViewContext; net: NetworkDto; canRebuild: boolean }) {
  const { net } = p;
  const where = net.community ? net.community.name : 'the organisation';
  const title = `Who interacts with whom in ${where}`;
  return (
    <>
      {net.community && <Breadcrumbs community={net.community} trail={[{ href: `/c/${net.community.slug}/network`, label: 'Network' }]} />}
      <h1>{net.community ? `Network of ${net.community.name}` : 'Member network'}</h1>
      <p class="meta">
        Answers, replies, co-written articles and mentorships {net.community ? 'in this community' : 'in the communities you can read'}, weighted towards the last months. Updated <TimeAgo at={net.builtAt} />.
      </p>
      <dl class="stats">
        <div class="card"><dt>Members</dt><dd>{net.memberCount}</dd></div>
        <div class="card"><dt>Ties</dt><dd>{net.tieCount}</dd></div>
        <div class="card"><dt>Groups</dt><dd>{net.groupCount}</dd></div>
      </dl>
      {net.memberCount === 0 ? (
        <EmptyState title="No interactions yet — answer a question or write an article together, and the network starts here" />
      ) : (
        <>
          <figure>
            <NetworkDrawing net={net} title={title} />
            <figcaption class="meta">
              {net.capped ? `Drawn: the ${net.nodes.length} most connected of ${net.memberCount} members (${net.edges.length} ties between them). ` : `All ${net.memberCount} members and ${net.tieCount} ties. `}
              Colours: {colourKey(net).map((k, i) => (
                <>
                  {i > 0 && ', '}
                  <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><circle cx="6" cy="6" r="6" fill={k.colour} /></svg> {k.label}
                </>
              ))}
              .
            </figcaption>
          </figure>
          <div class="grid-2" role="region" aria-label="The network in words">
            <NetworkTables net={net} />
          </div>
        </>
      )}
      {p.canRebuild && (
        <PostForm ctx={p.ctx} action="/network/rebuild" class="actions">
          <button type="submit" class="button button--small">Rebuild the network now</button>
          <span class="meta">It is rebuilt every hour; rebuild after a large import.</span>
        </PostForm>
      )}
    </>
  );
}
