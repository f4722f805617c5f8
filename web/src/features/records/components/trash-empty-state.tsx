// What an empty trash says: what lands here and how to get it back.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function TrashEmptyState() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" gap="xs" data-testid="empty-state">
      <Title order={2} size="h4">
        {t('trash.emptyTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('trash.emptyBody')}
      </Text>
    </Stack>
  );
}
