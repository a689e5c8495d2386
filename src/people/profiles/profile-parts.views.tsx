import { PostForm } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { Profile } from '../people.schema.ts';
import type { SkillView } from './profiles.schema.ts';

export const levelLabel: Record<SkillView['level'], string> = { learning: 'Learning', practising: 'Practising', expert: 'Expert' };
const availabilityLabel = { not_available: 'Not taking mentees just now', open: 'Open to mentoring', limited: 'Limited time for mentoring' } as const;

/** The follow / unfollow button and the follower counts of a profile (no button for oneself or anonymous). */
export function FollowBar({ ctx, profile, own }: { ctx: ViewContext; profile: Profile; own: boolean }) {
  const base = `/u/${profile.username}`;
  return (
    <div class="profile__follow">
      <p class="meta">
        <a href={`${base}/followers`}>{profile.followers} {profile.followers === 1 ? 'follower' : 'followers'}</a> · <a href={`${base}/following`}>{profile.following} following</a>
      </p>
      {ctx.actor && !own && (
        <PostForm ctx={ctx} action={`${base}/${profile.followedByYou ? 'unfollow' : 'follow'}`}>
          <button type="submit" class={profile.followedByYou ? 'button--secondary button--small' : 'button--small'}>
            {profile.followedByYou ? `Unfollow ${profile.displayName}` : `Follow ${profile.displayName}`}
          </button>
        </PostForm>
      )}
    </div>
  );
}

/** The professional facts of a profile, each only when set and visible to the viewer. */
export function ProfessionalFacts({ profile, localTime }: { profile: Profile; localTime: string | null }) {
  const p = profile;
  return (
    <>
      {p.discipline && (<><dt>Discipline</dt><dd>{p.discipline}</dd></>)}
      {p.orgUnit && (<><dt>Organisation unit</dt><dd>{p.orgUnit}</dd></>)}
      {p.location && (<><dt>Location</dt><dd>{p.location}</dd></>)}
      {p.timeZone && (<><dt>Time zone</dt><dd>{p.timeZone.replace(/_/g, ' ')}{localTime && <span class="meta"> · {localTime} there now</span>}</dd></>)}
      {p.languages && p.languages.length > 0 && (<><dt>Languages</dt><dd>{p.languages.join(', ')}</dd></>)}
      {p.mentoringAvailability && p.mentoringAvailability !== 'not_available' && (<><dt>Mentoring</dt><dd>{availabilityLabel[p.mentoringAvailability]}</dd></>)}
    </>
  );
}

/** Interests and "ask me about", when set and visible. */
export function AboutMore({ profile }: { profile: Profile }) {
  if (!profile.interests && !profile.askMeAbout) return null;
  return (
    <dl class="profile__facts">
      {profile.askMeAbout && (<><dt>Ask me about</dt><dd>{profile.askMeAbout}</dd></>)}
      {profile.interests && (<><dt>Interests</dt><dd>{profile.interests}</dd></>)}
    </dl>
  );
}

/** Declared skills with their level and endorsements; signed-in others get an endorse / withdraw button. */
export function DeclaredSkills({ ctx, profile, own }: { ctx: ViewContext; profile: Profile; own: boolean }) {
  if (profile.skills === null) return null;
  return (
    <section aria-labelledby="profile-skills">
      <h2 id="profile-skills">Declared skills</h2>
      {profile.skills.length === 0 ? (
        <p class="meta">{own ? <>No skills declared yet. <a href="/settings">Add your skills</a>.</> : 'No skills declared yet.'}</p>
      ) : (
        <ul class="skill-list">
          {profile.skills.map((s) => (
            <li>
              <strong>{s.skill}</strong> <span class="badge">{levelLabel[s.level]}</span>{' '}
              <span class="meta">
                {s.endorsements} {s.endorsements === 1 ? 'endorsement' : 'endorsements'}
              </span>
              {ctx.actor && !own && (
                <PostForm ctx={ctx} action={`/u/${profile.username}/skills/${s.skillKey}/${s.endorsedByYou ? 'unendorse' : 'endorse'}`} class="inline-form">
                  <button type="submit" class="button--secondary button--small">
                    {s.endorsedByYou ? `Withdraw endorsement of ${s.skill}` : `Endorse ${s.skill}`}
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
