import { createAuthClient } from 'better-auth/react';
import { magicLinkClient } from 'better-auth/client/plugins';

/** The browser's side of better-auth; it talks to /api/auth on the same origin. */
export const authClient = createAuthClient({ plugins: [magicLinkClient()] });

/** better-auth error codes (and ours from the auth hooks) → message keys under `auth.`. */
export function authErrorKey(error: { code?: string; status?: number } | null | undefined): string {
  switch (error?.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
      return 'invalidCredentials';
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return 'emailTaken';
    case 'PASSWORD_TOO_SHORT':
      return 'passwordTooShort';
    case 'PASSWORD_TOO_COMMON':
      return 'passwordTooCommon';
    case 'INVALID_PASSWORD':
      return 'wrongPassword';
    case 'INVALID_TOKEN':
      return 'resetInvalid';
    case 'SIGN_IN_LOCKED':
      return 'locked';
  }
  return error?.status === 429 ? 'locked' : 'failed';
}
