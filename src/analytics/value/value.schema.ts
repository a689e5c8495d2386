import { ReportHealthSchema } from '../overview/report-health.ts';
import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../discussions/discussions.schema.ts';
import { VALUE_CYCLES } from './value.measures.ts';
import type { SponsorReport, ValueMatrix } from './value.service.ts';
import type { HealthWindow } from '../period.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of the value health routes. */
export const healthTags = ['health'];

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

const Cycle = StringEnum(VALUE_CYCLES);
const WindowSchema = Type.Object({ months: Type.Array(Type.String()), from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) });
const StoryRef = Type.Object({ id: Type.Integer(), title: Type.String(), url: Type.String() });

export const MatrixRowSchema = Type.Object({
  cycle: Cycle,
  label: Type.String(),
  question: Type.String({ description: 'What value in this cycle means.' }),
  stories: Type.Integer({ description: 'Stories recorded in the window that reach this cycle.' }),
  newest: Type.Array(StoryRef, { description: 'The newest of them (up to 3).' }),
  indicators: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), value: Type.Integer() }), { description: 'Automatic indicators from the activity stream, person accounts only, over the window.' }),
  indicatorTotal: Type.Integer(),
});

export const ValueMonthSchema = Type.Object({
  month: Type.String(),
  stories: Type.Integer(),
  ...Object.fromEntries(VALUE_CYCLES.map((c) => [c, Type.Integer({ description: `Sum of the ${c} indicators that month.` })])),
});

export const ValueHealthSchema = Type.Object({
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  window: WindowSchema,
  refreshedAt: Type.String({ format: 'date-time' }),
  stories: Type.Integer({ description: 'Stories recorded in the window.' }),
  matrix: Type.Array(MatrixRowSchema),
  months: Type.Array(ValueMonthSchema),
});

export const ReportSchema = Type.Object({
  health: ReportHealthSchema,
  community: Type.Object({ slug: Type.String(), name: Type.String(), domain: Type.String(), sponsor: Type.String() }),
  window: WindowSchema,
  refreshedAt: Type.String({ format: 'date-time' }),
  members: Type.Integer({ description: 'Members with person accounts (staff and bots left out).' }),
  stories: Type.Integer(),
  matrix: Type.Array(MatrixRowSchema),
  selected: Type.Array(
    Type.Object({
      ...StoryRef.properties,
      why: StringEnum(['recent', 'most linked'] as const),
      cycles: Type.Array(Cycle),
      happened: Type.String(), gained: Type.String(), applied: Type.String(), realized: Type.String(), reframing: Type.String(),
      author: Type.Union([Type.String(), Type.Null()], { description: 'The author’s display name: stewards and organisation admins only.' }),
      links: Type.Array(Type.Object({ type: Type.String(), title: Type.String(), url: Type.Union([Type.String(), Type.Null()]) })),
    }),
    { description: 'The newest stories, then the most linked others.' },
  ),
});

const windowDto = (w: HealthWindow) => ({ months: w.months, from: w.from, to: w.to });

/** The API shape of the value matrix. */
export function valueHealthDto(community: { slug: string; name: string }, window: HealthWindow, refreshedAt: string, m: ValueMatrix) {
  return { community: { slug: community.slug, name: community.name }, window: windowDto(window), refreshedAt, stories: m.summary.stories, matrix: m.rows, months: m.summary.months };
}

/** The API shape of the sponsor report; authors named only when `individuals`. */
export function reportDto(community: { slug: string; name: string; domain_statement: string; sponsor: string }, window: HealthWindow, refreshedAt: string, r: SponsorReport, individuals: boolean) {
  return {
    community: { slug: community.slug, name: community.name, domain: community.domain_statement, sponsor: community.sponsor },
    window: windowDto(window), refreshedAt, members: r.members, stories: r.matrix.summary.stories, matrix: r.matrix.rows,
    selected: r.stories.map(({ story: s, links, why }) => ({
      id: s.id, title: s.title, url: `/c/${community.slug}/value-stories/${s.id}`, why, cycles: s.cycles,
      happened: s.happened, gained: s.gained, applied: s.applied, realized: s.realized, reframing: s.reframing,
      author: individuals ? s.author.displayName : null, links: links.map((l) => ({ type: l.type, title: l.title, url: l.url })),
    })),
  };
}
