import type { ProfileSlotProvider } from '../profile-slots.tsx';

/** What src/people/mentoring shows on a profile page (see ../profile-slots.tsx). */
export const mentoringProfileSlot: ProfileSlotProvider = () => Promise.resolve({});
