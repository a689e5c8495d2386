import type { ProfileSlotProvider } from '../profile-slots.tsx';
import { openInvitationCounts } from './routing.store.ts';

/**
 * On your own profile only: how many questions you were invited to answer and have not answered or
 * declined, linked to the list. Nobody else sees a person's invitations.
 */
export const routingProfileSlot: ProfileSlotProvider = async ({ deps, actor, person }) => {
  if (!actor || actor.id !== person.id) return {};
  const open = (await openInvitationCounts(deps.db, [person.id])).get(person.id) ?? 0;
  return {
    aside: (
      <section aria-labelledby="answer-invitations">
        <h2 id="answer-invitations">Invitations to answer</h2>
        <p>
          {open === 0 ? 'No open invitations.' : open === 1 ? '1 question is waiting for your answer.' : `${open} questions are waiting for your answer.`}{' '}
          <a href="/me/answer-invitations">See your invitations</a>
        </p>
      </section>
    ),
  };
};
