// The generic list screen for any kind: title, search box, the Trash toggle, "New" when the user
// may create, and the virtualized table; search, sort and shelf live in the URL so back and
// reload keep them. The toolbar adds filters (in the URL too), columns and bulk actions.
import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useMe } from '@/hooks/use-me';
import { kindLabel, listSort, permits } from '@/lib/records';
import type { KindMeta } from '@/types/meta';
import { useListColumns } from '../hooks/use-list-columns';
import { useListFilters } from '../hooks/use-list-filters';
import { useListSelection } from '../hooks/use-list-selection';
import { useRecordList } from '../hooks/use-record-list';
import { offeredActions } from '../utils/bulk';
import { ListEmptyState } from './list-empty-state';
import { ListToolbar } from './list-toolbar';
import { RecordTable } from './record-table';
import { TrashEmptyState } from './trash-empty-state';
import { TrashToggle } from './trash-toggle';

export function RecordListPage({ kind }: { kind: KindMeta }) {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sort = listSort(kind, params.get('sort'));
  const [typed, setTyped] = useState(q);
  const [debounced] = useDebouncedValue(typed, 250);
  const trash = kind.trash && params.get('shelf') === 'trash';
  const filters = useListFilters(kind);
  const columns = useListColumns(kind);
  const list = useRecordList(kind.collection, sort, q, trash ? 'trash' : 'live', filters.conditions);
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

  // The box writes q when the typing settles; a q set from elsewhere (a saved view, back) is
  // shown in the box instead of being overwritten by what was typed before.
  const written = useRef(q);
  useEffect(() => {
    if (debounced === written.current) return;
    written.current = debounced;
    setParam('q', debounced);
  }, [debounced, setParam]);
  useEffect(() => {
    if (q === written.current) return;
    written.current = q;
    setTyped(q);
  }, [q]);

  const { fetchNextPage } = list;
  const onNeedMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const empty = !list.isPending && !list.isError && rows.length === 0;
  const { selection, selectedRows, clear } = useListSelection(rows, JSON.stringify([sort, q, trash, filters.conditions]));

  return (
    <Stack p="md" gap="md" h="calc(100dvh - 56px)" data-testid="list-page">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {trash ? t('trash.listTitle', { kind: label }) : label}
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
          {kind.trash && <TrashToggle trash={trash} onChange={(on) => setParam('shelf', on ? 'trash' : '')} />}
          {canCreate && (
            <Button component={Link} to={`/r/${kind.kind}/new`} leftSection={<IconPlus size={16} aria-hidden />} data-testid="new-record">
              {t('list.new')}
            </Button>
          )}
        </Group>
      </Group>
      <ListToolbar kind={kind} filters={filters} columns={columns} selectedRows={selectedRows} onClearSelection={clear} me={me.data ?? null} trash={trash} />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : empty && trash && !q ? (
        <TrashEmptyState />
      ) : empty ? (
        <ListEmptyState kind={kind} query={q} canCreate={canCreate} onClear={() => setTyped('')} onClearFilters={filters.conditions.length > 0 ? filters.clear : undefined} />
      ) : (
        <RecordTable
          kind={kind}
          columns={columns.fields}
          selection={!trash && offeredActions(kind).length > 0 ? selection : undefined}
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
