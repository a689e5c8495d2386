import type { ProfileSlotProvider } from '../profile-slots.tsx';

/** What src/people/profiles shows on a profile page (see ../profile-slots.tsx). */
export const profilesProfileSlot: ProfileSlotProvider = () => Promise.resolve({});
