// What an empty list says: how to add the first record, or that the search found nothing and
// how to widen it; or that the filters left nothing, with a button to clear them.
import { Button, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { kindLabel } from '@/lib/records';
import type { KindMeta } from '@/types/meta';

type Props = { kind: KindMeta; query: string; canCreate: boolean; onClear: () => void; onClearFilters?: () => void };

export function ListEmptyState({ kind, query, canCreate, onClear, onClearFilters }: Props) {
  const { t } = useTranslation();
  const label = kindLabel(t, kind);
  if (onClearFilters && !query) {
    return (
      <Stack align="center" py="xl" gap="xs" data-testid="empty-state">
        <Title order={2} size="h4">
          {t('filters.noMatchTitle', { kind: label })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('filters.noMatchBody')}
        </Text>
        <Button variant="default" onClick={onClearFilters}>
          {t('filters.clear')}
        </Button>
      </Stack>
    );
  }
  if (query) {
    return (
      <Stack align="center" py="xl" gap="xs" data-testid="empty-state">
        <Title order={2} size="h4">
          {t('list.noMatchTitle', { query })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('list.noMatchBody')}
        </Text>
        <Button variant="default" onClick={onClear}>
          {t('list.clearSearch')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack align="center" py="xl" gap="xs" data-testid="empty-state">
      <Title order={2} size="h4">
        {t('list.emptyTitle', { kind: label })}
      </Title>
      <Text size="sm" c="dimmed">
        {canCreate ? t('list.emptyBodyCreate') : t('list.emptyBodyRead')}
      </Text>
      {canCreate && (
        <Button component={Link} to={`/r/${kind.kind}/new`} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('list.new')}
        </Button>
      )}
    </Stack>
  );
}
