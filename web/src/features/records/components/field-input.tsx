// The input for one field, chosen by the field's type from the metadata, showing the API's
// messages for that field (and for each entry of a list) where they belong.
import { Checkbox, MultiSelect, NumberInput, Radio, Select, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '@/hooks/use-directory';
import { fromLocalInput, toLocalInput } from '@/lib/format';
import { type FieldErrors, messagesAt, pointerOf } from '@/lib/problem';
import { choiceLabel, fieldLabel } from '@/lib/records';
import type { FieldMeta, KindMeta } from '@/types/meta';
import { FieldValue } from './field-value';
import { ListEditor, type Row } from './list-editor';
import { type Money, MoneyInput } from './money-input';
import { RecordPicker } from './record-picker';

type Props = {
  kind: KindMeta;
  field: FieldMeta;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: FieldErrors;
};

const kEmailTypes = ['work', 'home', 'other'];
const kPhoneTypes = ['mobile', 'work', 'home', 'fax', 'other'];
const kAddressTypes = ['work', 'home', 'billing', 'shipping', 'other'];
const kAddressParts = ['street', 'locality', 'region', 'postal_code', 'country'] as const;

let timeZones: string[] | null = null;
function allTimeZones(): string[] {
  timeZones ??= Intl.supportedValuesOf('timeZone');
  return timeZones;
}

function joined(messages: string[]): string | undefined {
  return messages.length > 0 ? messages.join(' ') : undefined;
}

function asRows(value: unknown): Row[] {
  return Array.isArray(value) ? (value as Row[]) : [];
}

function asText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export function FieldInput({ kind, field, value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  const label = fieldLabel(t, field);
  const pointer = pointerOf(field.name);
  const error = joined(messagesAt(errors, pointer));
  const at = (index: number, part: string) => joined(messagesAt(errors, `${pointer}/${index}/${part}`));
  const rowErrors = (rows: Row[]) => [
    ...messagesAt(errors, pointer),
    ...rows.flatMap((_, i) => messagesAt(errors, `${pointer}/${i}`)),
  ];
  const common = { label, error, required: field.required, 'data-field': field.name };

  switch (field.type) {
    case 'long_text':
      return <Textarea {...common} autosize minRows={2} maxRows={12} value={asText(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'enum':
    case 'single_select':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o, label: choiceLabel(t, kind, field, o) }))}
          value={asText(value) || null}
          onChange={(v) => onChange(v ?? '')}
          clearable={!field.required}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'multi_select':
      return <MultiSelect {...common} data={field.options ?? []} value={(value as string[]) ?? []} onChange={onChange} />;
    case 'time_zone':
      return (
        <Select
          {...common}
          data={allTimeZones()}
          searchable
          clearable
          value={asText(value) || null}
          onChange={(v) => onChange(v ?? '')}
          comboboxProps={{ withinPortal: true }}
          limit={50}
        />
      );
    case 'timestamp':
    case 'date_time':
      return <TextInput {...common} type="datetime-local" value={toLocalInput(value as string | null)} onChange={(e) => onChange(fromLocalInput(e.currentTarget.value))} />;
    case 'date':
      return <TextInput {...common} type="date" value={asText(value)} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case 'integer':
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          allowDecimal={field.type === 'number'}
          onChange={(v) => onChange(v === '' ? null : Number(v))}
        />
      );
    case 'boolean':
      return <Checkbox label={label} error={error} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} mt="lg" />;
    case 'money':
      return <MoneyInput label={label} error={error} value={(value as Money) ?? null} onChange={onChange} defaultCurrency="THB" />;
    case 'email':
    case 'url':
    case 'phone':
      return (
        <TextInput
          {...common}
          type={field.type === 'phone' ? 'tel' : field.type}
          value={asText(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'tags':
    case 'domains':
      return <TagsInput {...common} value={(value as string[]) ?? []} onChange={onChange} clearable />;
    case 'user':
      return (
        <Select
          {...common}
          searchable
          clearable
          data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: String(u.id), label: u.display_name }))}
          value={value === null || value === undefined ? null : String(value)}
          onChange={(v) => onChange(v === null ? null : Number(v))}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'team':
      return (
        <Select
          {...common}
          clearable
          data={(teams.data ?? []).map((team) => ({ value: String(team.id), label: team.name }))}
          value={value === null || value === undefined ? null : String(value)}
          onChange={(v) => onChange(v === null ? null : Number(v))}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'record':
      return (
        <RecordPicker
          target={field.target}
          label={label}
          error={error}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
        />
      );
    case 'links':
      return <RecordPicker multiple target={field.target} label={label} error={error} value={(value as number[]) ?? []} onChange={onChange} />;
    case 'emails':
    case 'phones': {
      const isEmail = field.type === 'emails';
      const main = isEmail ? 'address' : 'number';
      const types = isEmail ? kEmailTypes : kPhoneTypes;
      const rows = asRows(value);
      const primaryAt = Math.max(0, rows.findIndex((r) => r.primary === true));
      return (
        <ListEditor
          legend={label}
          rows={rows}
          blank={{ [main]: '', type: isEmail ? 'work' : 'mobile' }}
          onChange={onChange}
          errors={rowErrors(rows)}
          testId={`field-${field.name}`}
          renderRow={(row, i, update) => (
            <>
              <TextInput
                label={isEmail ? t('form.emailAddress') : t('form.phoneNumber')}
                type={isEmail ? 'email' : 'tel'}
                style={{ flex: 2, minWidth: 180 }}
                value={asText(row[main])}
                error={at(i, main)}
                onChange={(e) => update({ [main]: e.currentTarget.value })}
                data-field={`${field.name}.${i}.${main}`}
              />
              <Select
                label={t('form.type')}
                w={130}
                data={types.map((type) => ({ value: type, label: t(`${isEmail ? 'emailType' : 'phoneType'}.${type}`) }))}
                value={asText(row.type) || types[0]!}
                allowDeselect={false}
                error={at(i, 'type')}
                onChange={(v) => update({ type: v })}
                comboboxProps={{ withinPortal: true }}
              />
              {rows.length > 1 && (
                <Radio
                  mt={32}
                  label={t('form.primary')}
                  checked={i === primaryAt}
                  onChange={() => onChange(rows.map((r, j) => ({ ...r, primary: j === i })))}
                />
              )}
            </>
          )}
        />
      );
    }
    case 'addresses': {
      const rows = asRows(value);
      return (
        <ListEditor
          legend={label}
          rows={rows}
          blank={{ type: 'work' }}
          onChange={onChange}
          errors={rowErrors(rows)}
          testId={`field-${field.name}`}
          renderRow={(row, i, update) => (
            <>
              <Select
                label={t('form.type')}
                w={130}
                data={kAddressTypes.map((type) => ({ value: type, label: t(`addressType.${type}`) }))}
                value={asText(row.type) || 'work'}
                allowDeselect={false}
                onChange={(v) => update({ type: v })}
                comboboxProps={{ withinPortal: true }}
              />
              {kAddressParts.map((part) => (
                <TextInput
                  key={part}
                  label={t(`address.${part}`)}
                  style={{ flex: part === 'street' ? 2 : 1, minWidth: part === 'country' ? 70 : 120 }}
                  maxLength={part === 'country' ? 2 : undefined}
                  value={asText(row[part])}
                  error={at(i, part)}
                  onChange={(e) => update({ [part]: part === 'country' ? e.currentTarget.value.toUpperCase() : e.currentTarget.value })}
                />
              ))}
            </>
          )}
        />
      );
    }
    case 'titled_links': {
      const rows = asRows(value);
      return (
        <ListEditor
          legend={label}
          rows={rows}
          blank={{ company_id: null, job_title: '' }}
          onChange={onChange}
          errors={rowErrors(rows)}
          testId={`field-${field.name}`}
          renderRow={(row, i, update) => (
            <>
              <div style={{ flex: 2, minWidth: 180 }}>
                <RecordPicker
                  target={field.target}
                  label={t('form.linkedRecord')}
                  error={at(i, 'company_id')}
                  value={typeof row.company_id === 'number' ? row.company_id : null}
                  onChange={(id) => update({ company_id: id })}
                />
              </div>
              <TextInput
                label={t('form.jobTitle')}
                style={{ flex: 1, minWidth: 140 }}
                value={asText(row.job_title)}
                error={at(i, 'job_title')}
                onChange={(e) => update({ job_title: e.currentTarget.value })}
              />
            </>
          )}
        />
      );
    }
    case 'consents':
      // Consents are recorded with their source and time; this slice shows them without editing.
      return (
        <div>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <FieldValue kind={kind} field={field} value={value} />
        </div>
      );
    default:
      return <TextInput {...common} value={asText(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
