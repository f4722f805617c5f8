// The virtualized table of a list: only the rows in view are in the page, the next keyset page
// is fetched as the user nears the end, and sortable headers toggle the sort.
import { Anchor, Checkbox, Skeleton, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldLabel, recordTitle } from '@/lib/records';
import type { FieldMeta, KindMeta } from '@/types/meta';
import type { RecordData } from '@/types/record';
import type { ListSelection } from '../hooks/use-list-selection';
import { valueOf } from '../utils/form-values';
import { FieldValue } from './field-value';

const kRowHeight = 41;
const kSkeletonRows = 12;

type Props = {
  kind: KindMeta;
  columns: FieldMeta[];
  rows: RecordData[];
  loading: boolean;
  hasMore: boolean;
  fetchingMore: boolean;
  onNeedMore: () => void;
  sort: string;
  onSort: (sort: string) => void;
  // With a selection, the first column holds a checkbox per row and one for all loaded rows.
  selection?: ListSelection;
};

function SortHeader({ field, sort, onSort }: { field: FieldMeta; sort: string; onSort: (s: string) => void }) {
  const { t } = useTranslation();
  const label = fieldLabel(t, field);
  if (!field.sortable) return <Table.Th>{label}</Table.Th>;
  const direction = sort === field.name ? 'ascending' : sort === `-${field.name}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton
        onClick={() => onSort(direction === 'ascending' ? `-${field.name}` : field.name)}
        className="rapport-sort-button"
        data-testid={`sort-${field.name}`}
      >
        {label} <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}

export function RecordTable({ kind, columns, rows, loading, hasMore, fetchingMore, onNeedMore, sort, onSort, selection }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const span = columns.length + (selection ? 1 : 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = loading ? kSkeletonRows : rows.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => kRowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  useEffect(() => {
    if (!loading && hasMore && !fetchingMore && last && last.index >= rows.length - 10) onNeedMore();
  }, [loading, hasMore, fetchingMore, last, rows.length, onNeedMore]);

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (last?.end ?? 0);

  return (
    <div ref={scrollRef} className="rapport-table-scroll" data-testid="record-table">
      <Table stickyHeader highlightOnHover striped={false} layout="fixed" miw={900} aria-rowcount={rows.length + 1}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={44}>
                <Checkbox
                  aria-label={t('bulk.selectAll')}
                  checked={selection.all}
                  indeterminate={selection.some}
                  disabled={loading || rows.length === 0}
                  onChange={selection.toggleAll}
                  data-testid="select-all"
                />
              </Table.Th>
            )}
            {columns.map((field) => (
              <SortHeader key={field.name} field={field} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody aria-busy={loading || fetchingMore}>
          {top > 0 && (
            <tr aria-hidden>
              <td colSpan={span} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const record = rows[item.index];
            if (loading || !record) {
              return (
                <Table.Tr key={`s${item.index}`} h={kRowHeight} data-testid="skeleton-row">
                  {selection && <Table.Td />}
                  {columns.map((field) => (
                    <Table.Td key={field.name}>
                      <Skeleton h={12} radius="xl" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            }
            const path = `/r/${kind.kind}/${record.id}`;
            return (
              <Table.Tr
                key={record.id}
                h={kRowHeight}
                onClick={(e) => {
                  if (!(e.target as HTMLElement).closest('a')) navigate(path);
                }}
                style={{ cursor: 'pointer' }}
                data-testid="record-row"
                data-selected={selection?.selected.has(record.id) || undefined}
              >
                {selection && (
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      aria-label={t('bulk.selectRow', { title: recordTitle(kind, record) })}
                      checked={selection.selected.has(record.id)}
                      onChange={() => selection.toggle(record.id)}
                      data-testid="select-row"
                    />
                  </Table.Td>
                )}
                {columns.map((field, i) => (
                  <Table.Td key={field.name} className="rapport-cell">
                    {i === 0 ? (
                      <Anchor component={Link} to={path} size="sm" className="rapport-row-link">
                        {field.type === 'text' ? (
                          String(valueOf(record, field) ?? '') || recordTitle(kind, record)
                        ) : (
                          <FieldValue kind={kind} field={field} value={valueOf(record, field)} inline />
                        )}
                      </Anchor>
                    ) : (
                      <FieldValue kind={kind} field={field} value={valueOf(record, field)} inline />
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden>
              <td colSpan={span} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
