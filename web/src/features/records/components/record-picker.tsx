// Chooses one or several records of a kind by searching it (the list endpoint with q=); the
// chosen ones are named by their titles.
import { MultiSelect, type OptionsFilter, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '@/hooks/use-meta';
import { recordTitle } from '@/lib/records';
import { getRecord, listPage } from '../api/records';
import { recordKey } from '../hooks/use-record';

type Common = { target: string | undefined; label: string; error?: string; required?: boolean };
type Props =
  | (Common & { multiple?: false; value: number | null; onChange: (id: number | null) => void })
  | (Common & { multiple: true; value: number[]; onChange: (ids: number[]) => void });

function useOptions(target: string | undefined, chosen: number[], search: string) {
  const meta = useMeta();
  const kind = meta.data?.kinds.find((k) => k.kind === target);
  const collection = kind?.collection ?? '';
  const [q] = useDebouncedValue(search, 200);
  const found = useQuery({
    queryKey: ['list', collection, 'picker', q],
    queryFn: ({ signal }) => listPage(collection, { sort: kind ? `-${kind.default_sort}` : '-id', q }, signal),
    enabled: kind !== undefined,
    staleTime: 30_000,
  });
  const named = useQueries({
    queries: chosen.map((id) => ({
      queryKey: recordKey(collection, id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getRecord(collection, id, signal),
      enabled: kind !== undefined,
      staleTime: 60_000,
    })),
  });
  const options = new Map<string, string>();
  chosen.forEach((id, i) => {
    const record = named[i]?.data?.data;
    options.set(String(id), kind && record ? recordTitle(kind, record) : `#${id}`);
  });
  for (const record of found.data?.items ?? []) {
    if (kind) options.set(String(record.id), recordTitle(kind, record));
  }
  return [...options].map(([value, label]) => ({ value, label }));
}

// The server has already matched q; the picker must not filter its answer again.
const keepServerOrder: OptionsFilter = ({ options }) => options;

export function RecordPicker(props: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const chosen = props.multiple ? props.value : props.value === null ? [] : [props.value];
  const data = useOptions(props.target, chosen, search);
  const common = {
    label: props.label,
    error: props.error,
    required: props.required,
    data,
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    filter: keepServerOrder,
    nothingFoundMessage: t('form.nothingFound'),
    comboboxProps: { withinPortal: true },
  };
  if (props.multiple) {
    const { onChange } = props;
    return <MultiSelect {...common} value={chosen.map(String)} onChange={(v) => onChange(v.map(Number))} />;
  }
  const { onChange } = props;
  return (
    <Select
      {...common}
      clearable
      value={props.value === null ? null : String(props.value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
    />
  );
}
