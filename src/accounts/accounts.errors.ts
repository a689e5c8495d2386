import { AppError, conflict, fieldError } from '../core/http/errors.ts';

/** The one message for a failed sign-in: never says which half was wrong. */
export const WRONG_CREDENTIALS = 'Wrong username/email or password';

/** 401 for a failed API sign-in. */
export const wrongCredentials = () => new AppError(401, 'UNAUTHENTICATED', WRONG_CREDENTIALS);

/** 409 naming the field (username or email) that another account already uses. */
export function alreadyTaken(field: 'username' | 'email'): AppError {
  const message = field === 'username' ? 'That username is already taken' : 'An account with that email already exists';
  return conflict(message, [{ field, message }]);
}

/** 400 naming `token`: unknown, used or expired reset link. */
export const invalidResetToken = () =>
  fieldError('token', 'This reset link has expired or was already used. Ask for a new one.');

/** 400 naming `currentPassword`. */
export const wrongCurrentPassword = () => fieldError('currentPassword', 'Current password is not right');
