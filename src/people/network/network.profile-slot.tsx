import type { ProfileSlotProvider } from '../profile-slots.tsx';

/** What src/people/network shows on a profile page (see ../profile-slots.tsx). */
export const networkProfileSlot: ProfileSlotProvider = () => Promise.resolve({});
