// What the generic screens derive from a kind's metadata: titles, labels, the default columns,
// the fields a form shows, and whether the caller may act on a given record.
import type { TFunction } from 'i18next';
import type { FieldMeta, KindMeta, Scope } from '@/types/meta';
import type { RecordData } from '@/types/record';
import type { User } from '@/types/user';

// Fields that name a record, in the order they are preferred for its title.
const kTitleFields = ['display_name', 'name', 'subject', 'title'];

export function recordTitle(kind: KindMeta, record: RecordData): string {
  for (const name of kTitleFields) {
    const value = record[name];
    if (typeof value === 'string' && value.trim()) return value;
  }
  const firstText = kind.fields.find((f) => f.type === 'text' && typeof record[f.name] === 'string' && record[f.name]);
  return firstText ? String(record[firstText.name]) : `#${record.id}`;
}

export function kindLabel(t: TFunction, kind: KindMeta): string {
  return t(kind.label_key, { defaultValue: kind.collection });
}

export function fieldLabel(t: TFunction, field: FieldMeta): string {
  if (field.custom) return field.label ?? field.name;
  return t(field.label_key ?? `fields.${field.name}`, { defaultValue: field.name });
}

// The label of one choice of an enum; values without a translation (company sizes) show as is.
export function choiceLabel(t: TFunction, kind: KindMeta, field: FieldMeta, option: string): string {
  if (field.custom) return option;
  return t(`choices.${kind.kind}.${field.name}.${option}`, { defaultValue: option });
}

// Types a list cell shows well in one line.
const kColumnTypes = new Set([
  'text', 'enum', 'emails', 'phones', 'phone', 'tags', 'timestamp', 'integer', 'money', 'domains',
  'language', 'time_zone', 'user', 'team', 'number', 'date', 'date_time', 'boolean', 'single_select',
  'url', 'email',
]);

export function defaultColumns(kind: KindMeta, count = 6): FieldMeta[] {
  return kind.fields.filter((f) => !f.read_only && kColumnTypes.has(f.type)).slice(0, count);
}

// Types with no input: ids and timestamps the server sets, and "place", which only filters.
const kNoInput = new Set(['id', 'place']);

export function formFields(kind: KindMeta, canAssign: boolean): FieldMeta[] {
  return kind.fields.filter((f) => {
    if (f.read_only || kNoInput.has(f.type)) return false;
    if ((f.type === 'user' || f.type === 'team') && !canAssign) return false;
    return true;
  });
}

// Whether a scope lets the user act on this record (null: not at all).
export function permits(scope: Scope, record: RecordData | null, me: User | null): boolean {
  if (scope === null || me === null) return false;
  if (scope === 'all' || record === null) return true;
  if (record.owner_id === me.id) return true;
  return scope === 'team' && record.team_id !== null && record.team_id === me.team_id;
}

export function listSort(kind: KindMeta, sort: string | null): string {
  return sort ?? `-${kind.default_sort}`;
}
