// Defining a custom field (key, label, type, choices, required, unique) or changing one; key and
// type are fixed once created, as the API has it.
import { Button, Checkbox, Group, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useCreateCustomField, useUpdateCustomField } from '../hooks/use-settings';
import { type CustomField, type Entity, type FieldType, kFieldTypes } from '../types/settings';

type Props = { entity: Entity; field: CustomField | null; onDone: (field: CustomField) => void; onCancel: () => void };

const hasOptions = (type: FieldType) => type === 'single_select' || type === 'multi_select';

export function CustomFieldForm({ entity, field, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const [key, setKey] = useState(field?.key ?? '');
  const [label, setLabel] = useState(field?.label ?? '');
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [required, setRequired] = useState(field?.required ?? false);
  const [unique, setUnique] = useState(field?.unique ?? false);
  const mutation = field ? update : create;
  const errors = useFormErrors(mutation.error, ['key', 'label', 'type', 'options', 'required', 'unique', 'entity']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const choices = hasOptions(type) ? { options } : {};
    if (field) update.mutate({ field, body: { label, required, unique, ...choices } }, { onSuccess: onDone });
    else create.mutate({ entity, key, label, type, required, unique, ...choices }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="custom-field-form">
      <Stack>
        <FormError message={errors.form} />
        <TextInput
          label={t('settings.fields.label')}
          required
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errors.field('label')}
          data-autofocus
          data-testid="custom-field-label"
        />
        <TextInput
          label={t('settings.fields.key')}
          description={t('settings.fields.keyHelp')}
          required
          disabled={field !== null}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
          error={errors.field('key')}
          data-testid="custom-field-key"
        />
        <Select
          label={t('settings.fields.type')}
          data={kFieldTypes.map((x) => ({ value: x, label: t(`settings.fieldTypes.${x}`) }))}
          value={type}
          onChange={(value) => value && setType(value as FieldType)}
          allowDeselect={false}
          disabled={field !== null}
          error={errors.field('type')}
          comboboxProps={{ withinPortal: true }}
          data-testid="custom-field-type"
        />
        {hasOptions(type) && (
          <TagsInput
            label={t('settings.fields.options')}
            description={t('settings.fields.optionsHelp')}
            value={options}
            onChange={setOptions}
            error={errors.field('options')}
            data-testid="custom-field-options"
          />
        )}
        <Checkbox label={t('settings.fields.required')} checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} error={errors.field('required')} />
        <Checkbox label={t('settings.fields.unique')} checked={unique} onChange={(e) => setUnique(e.currentTarget.checked)} error={errors.field('unique')} />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="custom-field-submit">
            {field ? t('common.save') : t('common.create')}
          </Button>
      </Group>
      </Stack>
    </form>
  );
}
