// Turns any failure into a sentence for the user: the common statuses in their language, and
// otherwise the problem's detail, which the server writes for people.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('errors.generic');
      switch (error.status) {
        case 0:
          return t('errors.unreachable');
        case 403:
          return t('errors.forbidden');
        case 404:
          return t('errors.notFound');
        case 412:
          return t('errors.stale');
        case 429:
          return t('errors.throttled', { seconds: error.retryAfter ?? 60 });
        default:
          if (error.status >= 500) return t('errors.server');
          return error.problem?.detail || t('errors.generic');
      }
    },
    [t],
  );
}
