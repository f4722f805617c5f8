// Shown on a record in the trash: since when, and "Restore" for a user who may (the delete
// permission over the record, the same that moved it there).
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';

type Props = { deletedAt: string; canRestore: boolean; onRestore: () => void; pending: boolean };

export function RestoreBanner({ deletedAt, canRestore, onRestore, pending }: Props) {
  const { t, i18n } = useTranslation();
  const when = formatDateTime(deletedAt, i18n.language);
  return (
    <Alert color="gray" variant="outline" title={t('trash.bannerTitle')} data-testid="trash-banner">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{canRestore ? t('trash.bannerBodyRestore', { when }) : t('trash.bannerBody', { when })}</Text>
        {canRestore && (
          <Button size="xs" leftSection={<IconRestore size={14} aria-hidden />} onClick={onRestore} loading={pending} data-testid="restore">
            {t('trash.restore')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
