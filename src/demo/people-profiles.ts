import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import type { MentoringAvailability, SkillLevel } from '../core/db/tables/profiles.ts';
import { normaliseSkill } from '../people/profiles/skills.store.ts';
import type { KnowledgeSeedIds } from './knowledge.ts';

interface DemoProfile {
  headline: string;
  orgUnit: string;
  languages: string[];
  askMeAbout?: string;
  interests?: string;
  mentoring?: MentoringAvailability;
  skills: Array<[string, SkillLevel]>;
  /** Fields shown to signed-in members only. */
  membersOnly?: string[];
}

/** Professional profiles of the demo people (src/demo/people.ts); skills are named like the communities' tags where they meet. */
const profiles: Record<string, DemoProfile> = {
  demo: { headline: 'Runs Guildhall for Northwind Works', orgUnit: 'Internal platforms', languages: ['English'], skills: [['Accessibility', 'practising'], ['Platform administration', 'expert']] },
  amara: {
    headline: 'Accessibility lead — WCAG, ARIA, assistive tech', orgUnit: 'Design Systems', languages: ['English', 'Yoruba', 'French'],
    askMeAbout: 'Screen reader testing, focus order, when not to use ARIA', interests: 'Inclusive design, type', mentoring: 'open',
    skills: [['WCAG', 'expert'], ['Accessibility', 'expert'], ['Testing', 'practising'], ['Design systems', 'practising']],
  },
  joao: {
    headline: 'Industrial designer, sensor enclosures', orgUnit: 'Hardware', languages: ['Portuguese', 'English', 'Spanish'],
    askMeAbout: 'Designing for injection moulding', mentoring: 'limited',
    skills: [['3D printing', 'expert'], ['Making', 'expert'], ['Electronics', 'learning']],
  },
  meilin: {
    headline: 'Data engineer — orders and logistics pipelines', orgUnit: 'Data Platform', languages: ['English', 'Mandarin', 'Malay'],
    askMeAbout: 'dbt models, data contracts', mentoring: 'open',
    skills: [['dbt', 'expert'], ['Data quality', 'expert'], ['Pipelines', 'expert'], ['Streaming', 'practising']],
  },
  rahul: {
    headline: 'SRE, incident commander', orgUnit: 'Reliability', languages: ['English', 'Hindi', 'Tamil'],
    askMeAbout: 'Running a calm incident call', mentoring: 'limited', membersOnly: ['location'],
    skills: [['Incidents', 'expert'], ['Postmortems', 'expert'], ['On-call', 'expert'], ['Reliability', 'practising']],
  },
  sofia: { headline: 'Front-end developer, design system components', orgUnit: 'Design Systems', languages: ['Portuguese', 'English'], skills: [['Design systems', 'expert'], ['Accessibility', 'practising'], ['Testing', 'learning']] },
  tom: { headline: 'Quality engineer, test automation', orgUnit: 'Quality', languages: ['English'], skills: [['Testing', 'expert'], ['Accessibility', 'learning']] },
  grace: { headline: 'User researcher', orgUnit: 'Research', languages: ['English', 'Korean'], askMeAbout: 'Recruiting participants with disabilities', skills: [['Accessibility', 'practising'], ['User research', 'expert']] },
  lucas: { headline: 'Electronics engineer', orgUnit: 'Hardware', languages: ['Portuguese', 'English'], skills: [['Electronics', 'expert'], ['3D printing', 'practising']] },
  hannah: { headline: 'Analytics engineer', orgUnit: 'Data Platform', languages: ['English', 'German'], skills: [['dbt', 'practising'], ['Data quality', 'practising'], ['Data', 'expert']] },
  diego: { headline: 'Platform engineer, Kubernetes and CI', orgUnit: 'Internal platforms', languages: ['Spanish', 'English'], skills: [['Reliability', 'practising'], ['On-call', 'practising'], ['Streaming', 'learning']] },
  ines: { headline: 'Product manager, logistics', orgUnit: 'Product', languages: ['Portuguese', 'English', 'French'], skills: [['Data', 'learning']] },
  nadia: { headline: 'Security engineer', orgUnit: 'Security', languages: ['English', 'Arabic'], membersOnly: ['headline', 'org_unit'], skills: [['Incidents', 'practising'], ['Postmortems', 'practising']] },
  olivia: { headline: 'Engineering manager, Reliability', orgUnit: 'Reliability', languages: ['English'], mentoring: 'open', skills: [['Postmortems', 'practising'], ['Reliability', 'expert']] },
  sam: { headline: 'Support engineer', orgUnit: 'Customer Support', languages: ['English', 'Welsh'], skills: [['Incidents', 'learning']] },
  pedro: { headline: 'Mechanical engineer', orgUnit: 'Hardware', languages: ['Portuguese', 'English'], skills: [['Making', 'practising'], ['3D printing', 'practising']] },
};

/** Who follows whom. */
const follows: Array<[string, string]> = [
  ['sofia', 'amara'], ['tom', 'amara'], ['grace', 'amara'], ['hannah', 'meilin'], ['ines', 'meilin'], ['diego', 'rahul'],
  ['sam', 'rahul'], ['olivia', 'rahul'], ['lucas', 'joao'], ['pedro', 'joao'], ['amara', 'grace'], ['meilin', 'hannah'], ['demo', 'amara'],
];

/** Endorsements: [endorser, owner, skill]. */
const endorsements: Array<[string, string, string]> = [
  ['sofia', 'amara', 'WCAG'], ['tom', 'amara', 'WCAG'], ['grace', 'amara', 'Accessibility'], ['hannah', 'meilin', 'dbt'], ['olivia', 'rahul', 'Incidents'], ['lucas', 'joao', '3D printing'],
];

/** Seeds the demo's part of src/people/profiles (called by seed.ts after the knowledge seed, in the same transaction). */
export async function addDemoProfiles(tx: Db, ids: KnowledgeSeedIds): Promise<void> {
  const at = ids.at(40);
  const skillIds = new Map<string, number>();
  for (const [username, p] of Object.entries(profiles)) {
    const userId = ids.uid(username);
    await tx
      .updateTable('users')
      .set({ headline: p.headline, org_unit: p.orgUnit, languages: JSON.stringify(p.languages), ask_me_about: p.askMeAbout ?? '', interests: p.interests ?? '', mentoring_availability: p.mentoring ?? 'not_available' })
      .where('id', '=', userId)
      .execute();
    for (const field of p.membersOnly ?? []) await tx.insertInto('profile_field_privacy').values({ user_id: userId, field, visibility: 'members' }).execute();
    for (const [skill, level] of p.skills) {
      const { id } = await tx.insertInto('user_skills').values({ user_id: userId, skill, skill_key: normaliseSkill(skill), level, created_at: at }).returning('id').executeTakeFirstOrThrow();
      skillIds.set(`${username}/${skill}`, id);
    }
  }
  for (const [i, [from, to]] of follows.entries()) {
    const when = ids.at(30 - i);
    const followeeId = ids.uid(to);
    await tx.insertInto('follows').values({ follower_id: ids.uid(from), followee_id: followeeId, created_at: when }).execute();
    await recordActivity(tx, { actorId: ids.uid(from), verb: 'user.followed', subjectType: 'user', subjectId: followeeId, at: when });
  }
  for (const [i, [from, owner, skill]] of endorsements.entries()) {
    const skillId = skillIds.get(`${owner}/${skill}`);
    if (skillId === undefined) throw new Error(`demo endorsement of an undeclared skill: ${owner}/${skill}`);
    const when = ids.at(20 - i);
    await tx.insertInto('skill_endorsements').values({ skill_id: skillId, endorser_id: ids.uid(from), created_at: when }).execute();
    await recordActivity(tx, { actorId: ids.uid(from), verb: 'skill.endorsed', subjectType: 'user_skill', subjectId: skillId, data: { userId: ids.uid(owner), skill, skillKey: normaliseSkill(skill) }, at: when });
  }
}
