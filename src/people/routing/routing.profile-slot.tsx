import type { ProfileSlotProvider } from '../profile-slots.tsx';

/** What src/people/routing shows on a profile page (see ../profile-slots.tsx). */
export const routingProfileSlot: ProfileSlotProvider = () => Promise.resolve({});
