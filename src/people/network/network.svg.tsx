import type { NetworkDto } from './network.schema.ts';

/** Okabe–Ito colours (readable by people with colour-vision deficiencies); colour 8 and beyond is grey. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8C6D1F', '#6A3D9A'];
const OTHER = '#8A8A8A';
const W = 800;
const H = 560;
const PAD = 40;
const LABELS = 20;

/** The colour key of a drawing: what each colour stands for (communities in the organisation view, groups in a community's). */
export function colourKey(net: NetworkDto): Array<{ key: string; label: string; colour: string }> {
  if (net.scope === 'organisation') {
    const names = new Map(net.communities.map((c) => [c.slug, c.name]));
    const slugs = [...new Set(net.nodes.map((n) => n.community ?? ''))].sort();
    return slugs.map((slug, i) => ({ key: slug, label: names.get(slug) ?? 'No community', colour: PALETTE[i] ?? OTHER }));
  }
  const groups = [...new Set(net.nodes.map((n) => n.group))].sort((a, b) => a - b);
  return groups.map((g) => ({ key: String(g), label: `Group ${g + 1}`, colour: PALETTE[g] ?? OTHER }));
}

/** Radius from degree: 7 for one partner, growing with the square root, at most 20. */
const radius = (degree: number) => Math.min(20, 4 + 3 * Math.sqrt(degree));

/**
 * The network drawn as inline SVG, laid out on the server (no script needed). Each member is a link to
 * their profile, sized by degree and coloured by community (organisation) or detected group (community);
 * line width follows tie weight. Title and description name what is drawn; the tables beside it hold the same data.
 */
export function NetworkDrawing({ net, title }: { net: NetworkDto; title: string }) {
  const key = new Map(colourKey(net).map((k) => [k.key, k.colour]));
  const colour = (n: NetworkDto['nodes'][number]) => key.get(net.scope === 'organisation' ? (n.community ?? '') : String(n.group)) ?? OTHER;
  const pos = new Map(net.nodes.map((n) => [n.id, { x: PAD + n.x * (W - 2 * PAD), y: PAD + n.y * (H - 2 * PAD) }]));
  const labelled = new Set(net.nodes.slice(0, LABELS).map((n) => n.id));
  const desc = `${net.nodes.length} members and ${net.edges.length} ties${net.capped ? `, the ${net.nodes.length} most connected of ${net.memberCount}` : ''}. Larger circles have more interaction partners; thicker lines mean more recent interactions. The tables on this page list the same brokers, boundary spanners and members.`;
  return (
    <svg class="network-drawing" xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${W} ${H}`} width="100%" role="group" aria-labelledby="network-title network-desc">
      <title id="network-title">{title}</title>
      <desc id="network-desc">{desc}</desc>
      <g stroke="currentColor" stroke-opacity="0.35" aria-hidden="true">
        {net.edges.map((e) => {
          const a = pos.get(e.source)!;
          const b = pos.get(e.target)!;
          return <line x1={a.x.toFixed(1)} y1={a.y.toFixed(1)} x2={b.x.toFixed(1)} y2={b.y.toFixed(1)} stroke-width={Math.min(6, 0.75 + Math.log2(1 + e.weight)).toFixed(2)} />;
        })}
      </g>
      <g>
        {net.nodes.map((n) => {
          const p = pos.get(n.id)!;
          const r = radius(n.degree);
          return (
            <a href={`/u/${encodeURIComponent(n.username)}`} aria-label={`${n.displayName}: ${n.degree} partners`}>
              <title>{`${n.displayName} — ${n.degree} partners, betweenness ${n.betweenness.toFixed(3)}`}</title>
              <circle cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r={r.toFixed(1)} fill={colour(n)} stroke="#ffffff" stroke-width="1.5" />
              {labelled.has(n.id) && (
                <text x={(p.x > W / 2 ? p.x - r - 4 : p.x + r + 4).toFixed(1)} y={(p.y + 5).toFixed(1)} text-anchor={p.x > W / 2 ? 'end' : 'start'} font-size="14" fill="currentColor">
                  {n.displayName}
                </text>
              )}
            </a>
          );
        })}
      </g>
    </svg>
  );
}
