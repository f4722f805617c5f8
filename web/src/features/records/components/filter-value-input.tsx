// The value input of one filter condition, chosen by the field's type and the operator: choices
// as a select, owners and teams by name, linked records by search, dates with a date picker,
// several values for "is any of"; the value is kept in the API's spelling (comma-joined for "in").
import { MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '@/hooks/use-directory';
import { fromLocalInput, toLocalInput } from '@/lib/format';
import { choiceLabel } from '@/lib/records';
import type { FieldMeta, KindMeta } from '@/types/meta';
import type { FilterOp } from '../utils/list-filters';
import { RecordPicker } from './record-picker';

type Props = {
  kind: KindMeta;
  field: FieldMeta;
  op: FilterOp;
  value: string;
  onChange: (value: string) => void;
};

function split(value: string): string[] {
  return value === '' ? [] : value.split(',');
}

export function FilterValueInput({ kind, field, op, value, onChange }: Props) {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  const label = t('filters.value');
  const many = op === 'in';
  const common = { label, 'data-testid': 'filter-value' };

  if (op === 'contains') {
    return <TextInput {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
  }

  let options: { value: string; label: string }[] | null = null;
  if (field.options && field.options.length > 0) {
    options = field.options.map((o) => ({ value: o, label: choiceLabel(t, kind, field, o) }));
  } else if (field.type === 'user') {
    options = (users.data ?? []).map((u) => ({ value: String(u.id), label: u.display_name }));
  } else if (field.type === 'team') {
    options = (teams.data ?? []).map((team) => ({ value: String(team.id), label: team.name }));
  } else if (field.type === 'boolean') {
    options = [
      { value: 'true', label: t('common.yes') },
      { value: 'false', label: t('common.no') },
    ];
  }
  if (options) {
    return many ? (
      <MultiSelect {...common} data={options} value={split(value)} onChange={(v) => onChange(v.join(','))} searchable comboboxProps={{ withinPortal: true }} />
    ) : (
      <Select {...common} data={options} value={value || null} onChange={(v) => onChange(v ?? '')} searchable comboboxProps={{ withinPortal: true }} />
    );
  }

  switch (field.type) {
    case 'timestamp':
    case 'date_time':
      // A day in the user's time zone, sent as the instant that day starts.
      return (
        <TextInput
          {...common}
          type="date"
          value={toLocalInput(value).slice(0, 10)}
          onChange={(e) => onChange(e.currentTarget.value ? (fromLocalInput(`${e.currentTarget.value}T00:00`) ?? '') : '')}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'record':
    case 'links':
    case 'titled_links':
      return many ? (
        <RecordPicker multiple target={field.target} label={label} value={split(value).map(Number)} onChange={(ids) => onChange(ids.join(','))} />
      ) : (
        <RecordPicker target={field.target} label={label} value={value ? Number(value) : null} onChange={(id) => onChange(id === null ? '' : String(id))} />
      );
    case 'id':
    case 'integer':
    case 'number':
      if (!many) {
        return (
          <NumberInput
            {...common}
            value={value === '' ? '' : Number(value)}
            allowDecimal={field.type === 'number'}
            onChange={(v) => onChange(v === '' ? '' : String(v))}
          />
        );
      }
      break;
    default:
      break;
  }
  return many ? (
    <TagsInput {...common} description={t('filters.manyHint')} value={split(value)} onChange={(v) => onChange(v.filter((s) => !s.includes(',')).join(','))} />
  ) : (
    <TextInput {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
  );
}
