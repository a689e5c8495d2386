import type { ProfileSlotProvider } from '../profile-slots.tsx';

/** What src/people/expertise shows on a profile page (see ../profile-slots.tsx). */
export const expertiseProfileSlot: ProfileSlotProvider = () => Promise.resolve({});
