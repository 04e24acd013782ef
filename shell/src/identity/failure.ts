import type { TFunction } from 'i18next';
import { isSessionRefusal } from '@bianmin/frontend-kit';

/**
 * What to tell the resident when a mutation threw (expected failures come back as `{ ok, error }`):
 * the session ended — the sign-in dialog is already open, and what they typed is still there — or
 * the network failed.
 */
export function failureMessage(error: unknown, t: TFunction): string {
  return isSessionRefusal(error) ? t('auth.sessionEnded') : t('auth.networkError');
}
