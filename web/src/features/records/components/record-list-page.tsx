// The generic list screen for any kind: title, search box, "New" when the user may create, and
// the virtualized table; search and sort live in the URL so back and reload keep them.
import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useMe } from '@/hooks/use-me';
import { defaultColumns, kindLabel, listSort, permits } from '@/lib/records';
import type { KindMeta } from '@/types/meta';
import { useRecordList } from '../hooks/use-record-list';
import { ListEmptyState } from './list-empty-state';
import { RecordTable } from './record-table';

export function RecordListPage({ kind }: { kind: KindMeta }) {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sort = listSort(kind, params.get('sort'));
  const [typed, setTyped] = useState(q);
  const [debounced] = useDebouncedValue(typed, 250);
  const list = useRecordList(kind.collection, sort, q);
  const canCreate = permits(kind.permissions.create, null, me.data ?? null);
  const label = kindLabel(t, kind);

  const setParam = useCallback(
    (name: string, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  useEffect(() => {
    if (debounced !== q) setParam('q', debounced);
  }, [debounced, q, setParam]);

  const { fetchNextPage } = list;
  const onNeedMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const empty = !list.isPending && !list.isError && rows.length === 0;

  return (
    <Stack p="md" gap="md" h="calc(100dvh - 56px)" data-testid="list-page">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {label}
        </Title>
        <Group gap="sm">
          <TextInput
            aria-label={t('list.searchLabel', { kind: label })}
            placeholder={t('list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            type="search"
            data-testid="list-search"
          />
          {canCreate && (
            <Button component={Link} to={`/r/${kind.kind}/new`} leftSection={<IconPlus size={16} aria-hidden />} data-testid="new-record">
              {t('list.new')}
            </Button>
          )}
        </Group>
      </Group>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : empty ? (
        <ListEmptyState kind={kind} query={q} canCreate={canCreate} onClear={() => setTyped('')} />
      ) : (
        <RecordTable
          kind={kind}
          columns={defaultColumns(kind)}
          rows={rows}
          loading={list.isPending}
          hasMore={list.hasNextPage}
          fetchingMore={list.isFetchingNextPage}
          onNeedMore={onNeedMore}
          sort={sort}
          onSort={(s) => setParam('sort', s)}
        />
      )}
    </Stack>
  );
}
