// The columns the user chose for a kind's list, kept in localStorage per kind (a saved view
// writes its own columns here when it is opened).
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { KindMeta } from '@/types/meta';
import { defaultColumnNames, resolveColumns } from '../utils/list-columns';

const kChanged = 'rapport-columns-changed';

function storageKey(kind: string): string {
  return `rapport.columns.${kind}`;
}

function read(kind: string): string | null {
  try {
    return localStorage.getItem(storageKey(kind));
  } catch {
    return null;
  }
}

function parse(raw: string | null): string[] | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null;
  }
}

export function storeColumns(kind: string, names: string[] | null): void {
  try {
    if (names === null) localStorage.removeItem(storageKey(kind));
    else localStorage.setItem(storageKey(kind), JSON.stringify(names));
  } catch {
    // Storage full or disabled: the choice lasts until the page is left.
  }
  window.dispatchEvent(new Event(kChanged));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(kChanged, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(kChanged, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useListColumns(kind: KindMeta) {
  const raw = useSyncExternalStore(subscribe, () => read(kind.kind));
  const fields = useMemo(() => resolveColumns(kind, parse(raw)), [kind, raw]);
  const names = useMemo(() => fields.map((f) => f.name), [fields]);
  const setNames = useCallback((next: string[]) => storeColumns(kind.kind, next), [kind.kind]);
  const reset = useCallback(() => storeColumns(kind.kind, null), [kind.kind]);
  const isDefault = raw === null || names.join() === defaultColumnNames(kind).join();
  return { fields, names, setNames, reset, isDefault };
}
