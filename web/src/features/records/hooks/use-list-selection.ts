// The rows ticked in a list, by id; cleared whenever the list itself changes (another sort,
// search or filter), so an action never reaches rows the user no longer sees.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RecordData } from '@/types/record';

export type ListSelection = {
  selected: ReadonlySet<number>;
  all: boolean;
  some: boolean;
  toggle: (id: number) => void;
  toggleAll: () => void;
};

export function useListSelection(rows: RecordData[], listKey: string) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => setSelected(new Set()), [listKey]);

  const toggle = useCallback(
    (id: number) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const loaded = rows.filter((r) => selected.has(r.id));
  const all = rows.length > 0 && loaded.length === rows.length;
  const toggleAll = useCallback(() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id))), [all, rows]);
  const clear = useCallback(() => setSelected(new Set()), []);
  const selection: ListSelection = useMemo(
    () => ({ selected, all, some: loaded.length > 0 && !all, toggle, toggleAll }),
    [selected, all, loaded.length, toggle, toggleAll],
  );
  return { selection, selectedRows: loaded, clear };
}
