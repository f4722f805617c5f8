// The list's filter builder: the conditions as removable chips, and "Add filter", a dialog to
// pick a filterable field (standard or custom), an operator the metadata allows on it and a value.
import { Button, CloseButton, Group, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilterPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '@/hooks/use-directory';
import { formatDate, toLocalInput } from '@/lib/format';
import { choiceLabel, fieldLabel } from '@/lib/records';
import type { FieldMeta, KindMeta } from '@/types/meta';
import { type FilterCondition, type FilterOp, filterableFields, isFilterOp, isValidCondition } from '../utils/list-filters';
import { FilterValueInput } from './filter-value-input';

type Props = { kind: KindMeta; conditions: FilterCondition[]; onAdd: (c: FilterCondition) => void; onRemove: (c: FilterCondition) => void; onClear: () => void };

const kTimeTypes = new Set(['timestamp', 'date_time', 'date']);

// The operator choices for a field: "empty" is offered as its two meanings; an instant is
// compared, not matched; a tags filter without an operator already means "has any of".
function operatorChoices(field: FieldMeta): string[] {
  const ops = field.operators.filter((op) => {
    if (kTimeTypes.has(field.type) && field.type !== 'date') return op === 'lt' || op === 'gt' || op === 'empty';
    if (field.type === 'tags') return op !== 'eq';
    return true;
  });
  return ops.flatMap((op) => (op === 'empty' ? ['empty:true', 'empty:false'] : [op]));
}

function operatorLabel(t: TFunction, field: FieldMeta, choice: string): string {
  if (choice === 'empty:true') return t('filters.op.empty');
  if (choice === 'empty:false') return t('filters.op.notEmpty');
  if (kTimeTypes.has(field.type) && (choice === 'lt' || choice === 'gt')) {
    return t(choice === 'lt' ? 'filters.op.before' : 'filters.op.after');
  }
  if (field.type === 'tags' && choice === 'in') return t('filters.op.hasAny');
  switch (choice) {
    case 'eq':
      return t('filters.op.eq');
    case 'ne':
      return t('filters.op.ne');
    case 'lt':
      return t('filters.op.lt');
    case 'gt':
      return t('filters.op.gt');
    case 'in':
      return t('filters.op.in');
    default:
      return t('filters.op.contains');
  }
}

function choiceOf(condition: FilterCondition): string {
  return condition.op === 'empty' ? `empty:${condition.value}` : condition.op;
}

// The words of a condition's value: choices, people and teams by name, dates per locale.
function useValueText(kind: KindMeta) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  return (field: FieldMeta, value: string): string =>
    value
      .split(',')
      .map((v) => {
        if (field.options?.length) return choiceLabel(t, kind, field, v);
        if (field.type === 'user') return users.data?.find((u) => String(u.id) === v)?.display_name ?? `#${v}`;
        if (field.type === 'team') return teams.data?.find((team) => String(team.id) === v)?.name ?? `#${v}`;
        if (field.type === 'boolean') return v === 'true' ? t('common.yes') : t('common.no');
        if (field.type === 'date') return formatDate(v, i18n.language);
        // An instant filter is entered as a day, so it reads as that day.
        if (kTimeTypes.has(field.type)) return formatDate(toLocalInput(v).slice(0, 10), i18n.language);
        if (field.type === 'record' || field.type === 'links' || field.type === 'titled_links') return `#${v}`;
        return v;
      })
      .join(', ');
}

export function FilterBuilder({ kind, conditions, onAdd, onRemove, onClear }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const fields = filterableFields(kind);
  const [fieldName, setFieldName] = useState<string | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const valueText = useValueText(kind);
  const field = fields.find((f) => f.name === fieldName);
  const op: FilterOp | null = choice === null ? null : choice.startsWith('empty:') ? 'empty' : isFilterOp(choice) ? choice : null;
  const draft: FilterCondition | null =
    field && op ? { field: field.name, op, value: op === 'empty' ? choice!.slice('empty:'.length) : value.trim() } : null;

  if (fields.length === 0) return null;

  const start = () => {
    setFieldName(null);
    setChoice(null);
    setValue('');
    open();
  };
  const pickField = (name: string | null) => {
    setFieldName(name);
    const next = fields.find((f) => f.name === name);
    setChoice(next ? (operatorChoices(next)[0] ?? null) : null);
    setValue('');
  };
  const apply = () => {
    if (!draft || !isValidCondition(kind, draft)) return;
    onAdd(draft);
    close();
  };

  return (
    <Group gap="xs" data-testid="filter-bar">
      {conditions.map((condition) => {
        const f = kind.fields.find((x) => x.name === condition.field);
        if (!f) return null;
        const label = fieldLabel(t, f);
        const text =
          condition.op === 'empty'
            ? `${label} ${operatorLabel(t, f, choiceOf(condition))}`
            : `${label} ${operatorLabel(t, f, condition.op)} ${valueText(f, condition.value)}`;
        return (
          <Paper key={`${condition.field}:${condition.op}`} withBorder radius="xl" px="sm" py={2} data-testid="filter-chip" data-filter={`${condition.field}:${condition.op}:${condition.value}`}>
            <Group gap={4} wrap="nowrap">
              <Text size="sm">{text}</Text>
              <CloseButton size="sm" aria-label={t('filters.remove', { filter: text })} onClick={() => onRemove(condition)} data-testid="filter-remove" />
            </Group>
          </Paper>
        );
      })}
      <Button variant="default" size="xs" leftSection={<IconFilterPlus size={16} aria-hidden />} onClick={start} data-testid="filter-add">
        {t('filters.add')}
      </Button>
      {conditions.length > 1 && (
        <Button variant="subtle" size="xs" onClick={onClear} data-testid="filter-clear">
          {t('filters.clear')}
        </Button>
      )}
      <Modal opened={opened} onClose={close} title={t('filters.title')} data-testid="filter-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Stack gap="sm">
            <Select
              label={t('filters.field')}
              data={fields.map((f) => ({ value: f.name, label: fieldLabel(t, f) }))}
              value={fieldName}
              onChange={pickField}
              searchable
              data-autofocus
              data-testid="filter-field"
              comboboxProps={{ withinPortal: true }}
            />
            {field && (
              <Select
                label={t('filters.operator')}
                data={operatorChoices(field).map((c) => ({ value: c, label: operatorLabel(t, field, c) }))}
                value={choice}
                onChange={(c) => {
                  setChoice(c);
                  setValue('');
                }}
                allowDeselect={false}
                data-testid="filter-operator"
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {field && op && op !== 'empty' && (
              <FilterValueInput key={`${field.name}:${op}`} kind={kind} field={field} op={op} value={value} onChange={setValue} />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!draft || !isValidCondition(kind, draft)} data-testid="filter-apply">
                {t('filters.apply')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
