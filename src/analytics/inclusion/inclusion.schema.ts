import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../discussions/discussions.schema.ts';
import { GroupSchema } from '../responsiveness/responsiveness.schema.ts';
import { DIMENSIONS, FOLD_BELOW, GAP_MIN_EXPECTED, GAP_MIN_MEMBERS, GAP_RATIO, OTHER_KEY } from './inclusion.measures.ts';
import type { InclusionView } from './inclusion.service.ts';

export { errorResponses } from '../../core/http/schemas.ts';
export { SlugParams } from '../responsiveness/responsiveness.schema.ts';

/** The OpenAPI tag of every health API route. */
export const tags = ['health'];

const NullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

const Population = (who: string) =>
  Type.Object({
    total: Type.Integer({ description: `${who} (people only: staff and bot accounts are left out).` }),
    given: Type.Integer({ description: 'Of those, how many gave this field (and did not hide it as only_me).' }),
    blau: NullableNumber('Blau index 1 − Σ pₖ² over the categories of those who gave it (0 = all alike); null when nobody did.'),
  });

const CategorySchema = Type.Object({
  key: Type.String({ description: `The category, trimmed and lower-cased; '${OTHER_KEY}' for the categories folded together.` }),
  label: Type.String(),
  members: Type.Integer(),
  contributors: Type.Integer({ description: 'Active contributors in the category.' }),
  memberShare: NullableNumber('Share of the members who gave the field (0–1).'),
  contributorShare: NullableNumber('Share of the active contributors who gave the field (0–1).'),
  ratio: NullableNumber('contributorShare / memberShare: 1 = heard in proportion.'),
  expectedContributors: NullableNumber('memberShare × active contributors who gave the field.'),
  flagged: Type.Boolean({ description: `Not being heard: ≥ ${GAP_MIN_MEMBERS} members, ≥ ${GAP_MIN_EXPECTED} expected contributors, and at most ${GAP_RATIO} of them.` }),
});

const DimensionSchema = Type.Object({
  key: StringEnum(DIMENSIONS.map((d) => d.key)),
  label: Type.String(),
  members: Population('Current members'),
  contributors: Population('Active contributors'),
  blauGap: NullableNumber('contributors.blau − members.blau (negative: contributors are less varied than the membership).'),
  notGiven: Type.Object({ members: Type.Integer(), contributors: Type.Integer() }, { description: 'People who left the field empty or hid it (not in any share).' }),
  folded: Type.Boolean({ description: `True when categories of fewer than ${FOLD_BELOW} people were merged into one (readers who are not stewards).` }),
  categories: Type.Array(CategorySchema, { description: 'Most members first.' }),
});

const VoiceSchema = Type.Object({
  month: Type.String(),
  active: Type.Integer({ description: 'People who acted in the community this month.' }),
  newcomerActive: Type.Integer({ description: 'Of those, newcomers (joined from 90 days before the month began).' }),
  contributors: Type.Integer(),
  newcomerContributors: Type.Integer(),
  contributions: Type.Integer(),
  newcomerContributions: Type.Integer(),
  activeShare: NullableNumber('newcomerActive / active.'),
  contributionShare: NullableNumber('newcomerContributions / contributions: the newcomers’ voice share.'),
  voiceRatio: NullableNumber('contributionShare / activeShare: 1 = newcomers are heard in proportion to their presence.'),
});

export const InclusionSchema = Type.Object({
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  months: Type.Array(Type.String(), { description: 'The window, oldest month first.' }),
  refreshedAt: Type.String({ format: 'date-time', description: 'When the rollups were last brought up to date.' }),
  individuals: Type.Boolean({ description: 'True for stewards and organisation admins: every category is shown.' }),
  contributorMonths: Type.Object({ from: Type.String(), to: Type.String() }, { description: 'Active contributors contributed in one of these months (those overlapping the last 90 days).' }),
  dimensions: Type.Array(DimensionSchema),
  voice: Type.Array(VoiceSchema, { description: 'Newcomer voice, one entry per month of the window.' }),
  responseByTenure: Type.Array(GroupSchema, { description: 'Response time for newcomers (asked within 90 days of joining) vs established members.' }),
  responseByDiscipline: Type.Array(GroupSchema, { description: "Response time by the asker's discipline; groups under 3 askers folded into Other for non-stewards." }),
});

/** The API body of an inclusion view. */
export function inclusionDto(v: InclusionView) {
  return {
    contributorMonths: v.contributorMonths,
    dimensions: v.dimensions,
    voice: v.voice,
    responseByTenure: v.responseTimes.tenure,
    responseByDiscipline: v.responseTimes.discipline,
  };
}
