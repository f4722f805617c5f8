// Which fields a list can show as columns, and the chosen column names turned back into fields
// (names the metadata no longer has, such as a removed custom field, are dropped).
import { defaultColumns } from '@/lib/records';
import type { FieldMeta, KindMeta } from '@/types/meta';

// Types a one-line cell cannot show: consents need their context, and "place" exists only as a
// filter over addresses.
const kNoColumn = new Set(['consents', 'place']);

export function columnCandidates(kind: KindMeta): FieldMeta[] {
  return kind.fields.filter((f) => !kNoColumn.has(f.type));
}

export function defaultColumnNames(kind: KindMeta): string[] {
  return defaultColumns(kind).map((f) => f.name);
}

export function resolveColumns(kind: KindMeta, names: string[] | null): FieldMeta[] {
  const candidates = columnCandidates(kind);
  const chosen = (names ?? defaultColumnNames(kind))
    .map((name) => candidates.find((f) => f.name === name))
    .filter((f): f is FieldMeta => f !== undefined);
  return chosen.length > 0 ? chosen : defaultColumns(kind);
}

// The names moved one place up (-1) or down (+1); out-of-range moves change nothing.
export function moveColumn(names: string[], name: string, by: -1 | 1): string[] {
  const from = names.indexOf(name);
  const to = from + by;
  if (from < 0 || to < 0 || to >= names.length) return names;
  const next = [...names];
  next[from] = names[to]!;
  next[to] = name;
  return next;
}
