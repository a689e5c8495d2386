import type { ProfileSlotProvider } from '../profile-slots.tsx';
import { findOffer } from './offers.store.ts';

/**
 * "Mentoring" on a profile: the person's active offer (skills, free places) and an "Ask for mentoring"
 * link — the same facts /mentors shows anyone. Never requests, mentorships, goals or check-ins.
 */
export const mentoringProfileSlot: ProfileSlotProvider = async ({ deps, actor, person }) => {
  const offer = await findOffer(deps.db, person.id);
  const own = actor?.id === person.id;
  if (!offer?.active) {
    if (!own) return {};
    return {
      aside: (
        <section aria-labelledby="profile-mentoring" class="card">
          <h2 id="profile-mentoring">Mentoring</h2>
          <p class="meta">{offer ? 'Your offer to mentor is paused.' : 'You do not offer mentoring.'}</p>
          <a href="/mentoring">{offer ? 'Change your offer' : 'Offer to mentor'}</a>
        </section>
      ),
    };
  }
  const free = Math.max(0, offer.capacity - offer.taken);
  return {
    aside: (
      <section aria-labelledby="profile-mentoring" class="card">
        <h2 id="profile-mentoring">Mentoring</h2>
        <p>Mentors in {offer.skills.map((s) => s.skill).join(', ')}</p>
        <p class="meta">
          {free === 0 ? 'No free place now' : `${free} of ${offer.capacity} ${offer.capacity === 1 ? 'place' : 'places'} free`} · {offer.timeZone.replace(/_/g, ' ')}
        </p>
        {own ? (
          <a href="/mentoring">Change your offer</a>
        ) : (
          free > 0 && <a href={`/mentoring/request?mentor=${encodeURIComponent(person.username)}`}>Ask {person.displayName} for mentoring</a>
        )}
      </section>
    ),
  };
};
