import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Working days as residents read them: `15 个工作日`, or `即办` for 0. */
export function useDaysText(): (days: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (days: number) => (days === 0 ? t('common.immediate') : t('common.workingDays', { count: days })),
    [t],
  );
}
