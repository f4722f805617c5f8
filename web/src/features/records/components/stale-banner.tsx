// Shown when a save answered 412: someone else changed the record; reloading brings their
// version in while the user's typed values stay in the form.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StaleBanner({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t('record.staleTitle')} data-testid="stale-banner">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('record.staleBody')}</Text>
        <Button size="xs" color="orange.9" onClick={onReload} loading={reloading}>
          {t('record.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
