import type { Generated } from 'kysely';

/**
 * Tables of src/people/profiles (added to Database in ../schema.ts), and the profile columns added
 * to `users` and the tag policy added to `communities` by migration 202611261900.
 */
declare module '../schema.ts' {
  interface UserTable {
    /** One line: what they do ("Hydrologist, flood modelling"). */
    headline: Generated<string>;
    /** Organisation unit (department, team). */
    org_unit: Generated<string>;
    /** JSON array of language names or codes, e.g. '["English","fr"]'. */
    languages: Generated<string>;
    interests: Generated<string>;
    ask_me_about: Generated<string>;
    mentoring_availability: Generated<MentoringAvailability>;
  }
  interface CommunityTable {
    /** 'open': unknown tags are created; 'closed': only tags already in the community's tag list. */
    tag_policy: Generated<TagPolicy>;
  }
}

export type MentoringAvailability = 'not_available' | 'open' | 'limited';
export type TagPolicy = 'open' | 'closed';
export type SkillLevel = 'learning' | 'practising' | 'expert';
/** Who may see an optional profile field: anyone, signed-in people of the organisation, or only its owner. */
export type FieldVisibility = 'everyone' | 'members' | 'only_me';

/** A non-default visibility of one optional profile field (a missing row means 'everyone'). */
export interface ProfileFieldPrivacyTable {
  user_id: number;
  /** The field's column name: headline, discipline, org_unit, location, time_zone, languages, bio, interests, ask_me_about, mentoring_availability, skills. */
  field: string;
  visibility: FieldVisibility;
}

/** A skill a person declares, with their own estimate of their level. */
export interface UserSkillTable {
  id: Generated<number>;
  user_id: number;
  /** As they wrote it ("TypeScript"). */
  skill: string;
  /** Normalised like topic tags ("typescript"); unique per user. */
  skill_key: string;
  level: SkillLevel;
  created_at: string;
}

/** A member vouching for another member's declared skill (never their own). */
export interface SkillEndorsementTable {
  id: Generated<number>;
  skill_id: number;
  endorser_id: number;
  created_at: string;
}

/** One member following another. */
export interface FollowTable {
  id: Generated<number>;
  follower_id: number;
  followee_id: number;
  created_at: string;
}

export interface ProfilesTables {
  profile_field_privacy: ProfileFieldPrivacyTable;
  user_skills: UserSkillTable;
  skill_endorsements: SkillEndorsementTable;
  follows: FollowTable;
}
