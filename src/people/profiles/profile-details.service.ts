import type { Static } from '@sinclair/typebox';
import type { Db } from '../../core/db/index.ts';
import type { MentoringAvailability } from '../../core/db/tables/profiles.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { contributionsOf } from './contributions.store.ts';
import { endorsementsOf } from './endorsements.store.ts';
import { followCounts } from './follows.store.ts';
import { privacyOf, shown } from './privacy.store.ts';
import type { ProfileDetails } from './profiles.schema.ts';
import { declaredSkillsOf } from './skills.store.ts';

/** Every field of a person a profile may show, before privacy. */
export interface PersonFields {
  id: number;
  headline: string;
  discipline: string;
  location: string;
  bio: string;
  timeZone: string;
  orgUnit: string;
  languages: string[];
  interests: string;
  askMeAbout: string;
  mentoringAvailability: MentoringAvailability;
}

/**
 * The professional part of a profile as `viewer` may see it: each optional field null when its
 * owner hid it from them; skills with endorsement counts; follow counts; contribution counts only
 * in communities the viewer may read.
 */
export async function professionalProfile(db: Db, viewer: Actor | null, p: PersonFields): Promise<Static<typeof ProfileDetails> & { headline: string | null; discipline: string | null; location: string | null }> {
  const [privacy, skills, endorsements, follows, contributions] = await Promise.all([
    privacyOf(db, [p.id]),
    declaredSkillsOf(db, [p.id], { viewer }),
    endorsementsOf(db, p.id, viewer?.id ?? null),
    followCounts(db, p.id, viewer?.id ?? null),
    contributionsOf(db, p.id, viewer),
  ]);
  const show = <T,>(field: Parameters<typeof shown>[3], value: T) => shown(privacy, viewer, p.id, field, value);
  const skillViews = (skills.get(p.id) ?? []).map((s) => {
    const e = endorsements.get(s.skillKey);
    return { ...s, endorsements: e?.count ?? 0, endorsedByYou: e?.byViewer ?? false };
  });
  return {
    headline: show('headline', p.headline),
    discipline: show('discipline', p.discipline),
    location: show('location', p.location),
    bio: show('bio', p.bio),
    timeZone: show('time_zone', p.timeZone),
    orgUnit: show('org_unit', p.orgUnit),
    languages: show('languages', p.languages),
    interests: show('interests', p.interests),
    askMeAbout: show('ask_me_about', p.askMeAbout),
    mentoringAvailability: show('mentoring_availability', p.mentoringAvailability),
    skills: show('skills', skillViews),
    followers: follows.followers,
    following: follows.following,
    followedByYou: viewer ? follows.followedByViewer : null,
    contributions: contributions.counts,
  };
}
