// The row under a list's title: bulk actions for the selected rows and the filter chips on the
// left; saved views and the column menu on the right.
import { Group } from '@mantine/core';
import type { KindMeta } from '@/types/meta';
import type { RecordData } from '@/types/record';
import type { User } from '@/types/user';
import type { useListColumns } from '../hooks/use-list-columns';
import type { useListFilters } from '../hooks/use-list-filters';
import { BulkActions } from './bulk-actions';
import { ColumnChooser } from './column-chooser';
import { FilterBuilder } from './filter-builder';
import { SavedViewsMenu } from './saved-views-menu';

type Props = {
  kind: KindMeta;
  filters: ReturnType<typeof useListFilters>;
  columns: ReturnType<typeof useListColumns>;
  selectedRows: RecordData[];
  onClearSelection: () => void;
  me: User | null;
  // The trash shows what was removed; its rows take no bulk action but restore.
  trash: boolean;
};

export function ListToolbar({ kind, filters, columns, selectedRows, onClearSelection, me, trash }: Props) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm" data-testid="list-toolbar">
      <Group gap="sm" style={{ flex: 1 }}>
        {!trash && <BulkActions kind={kind} rows={selectedRows} me={me} onClear={onClearSelection} />}
        <FilterBuilder kind={kind} conditions={filters.conditions} onAdd={filters.add} onRemove={filters.remove} onClear={filters.clear} />
      </Group>
      <Group gap="sm">
        <SavedViewsMenu kind={kind} columns={columns.names} me={me} />
        <ColumnChooser kind={kind} names={columns.names} onChange={columns.setNames} onReset={columns.reset} isDefault={columns.isDefault} />
      </Group>
    </Group>
  );
}
