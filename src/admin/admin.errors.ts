import { conflict } from '../core/http/errors.ts';

/** 409: the organisation would be left without an admin. */
export const lastAdminCannotStepDown = () =>
  conflict('You are the last admin. Make someone else an admin before you step down.', [{ field: 'role', message: 'The last admin cannot become a member' }]);
