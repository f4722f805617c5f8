// A kind's fields laid out in two columns (lists and long text across both), as inputs when
// the user may edit and as plain values when not.
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '@/lib/problem';
import { fieldLabel } from '@/lib/records';
import type { FieldMeta, KindMeta } from '@/types/meta';
import { FieldInput } from './field-input';
import { FieldValue } from './field-value';

const kWide = new Set(['emails', 'phones', 'addresses', 'titled_links', 'long_text', 'consents', 'links', 'multi_select']);

type Props = {
  kind: KindMeta;
  fields: FieldMeta[];
  valueOf: (field: FieldMeta) => unknown;
  editable: boolean;
  onChange: (field: FieldMeta, value: unknown) => void;
  errors: FieldErrors;
};

export function RecordFields({ kind, fields, valueOf, editable, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
      {fields.map((field) => (
        <div key={field.name} style={kWide.has(field.type) ? { gridColumn: '1 / -1' } : undefined}>
          {editable ? (
            <FieldInput kind={kind} field={field} value={valueOf(field)} onChange={(v) => onChange(field, v)} errors={errors} />
          ) : (
            <Stack gap={2} data-field={field.name}>
              <Text size="sm" fw={500}>
                {fieldLabel(t, field)}
              </Text>
              <FieldValue kind={kind} field={field} value={valueOf(field)} />
            </Stack>
          )}
        </div>
      ))}
    </SimpleGrid>
  );
}
