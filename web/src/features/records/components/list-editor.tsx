// A list of small forms (e-mails, phones, addresses, companies) with add and remove. An empty
// list shows one blank row, so the first entry needs no extra click; blank rows are not sent.
import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Row = Record<string, unknown>;

type Props = {
  legend: string;
  rows: Row[];
  blank: Row;
  onChange: (rows: Row[]) => void;
  renderRow: (row: Row, index: number, update: (patch: Row) => void) => ReactNode;
  errors: string[];
  testId: string;
};

export function ListEditor({ legend, rows, blank, onChange, renderRow, errors, testId }: Props) {
  const { t } = useTranslation();
  const shown = rows.length === 0 ? [blank] : rows;
  const update = (index: number) => (patch: Row) => onChange(shown.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const remove = (index: number) => onChange(shown.filter((_, i) => i !== index));

  return (
    <Fieldset legend={legend} data-testid={testId} variant="filled">
      <Stack gap="xs">
        {shown.map((row, index) => (
          <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
            <Group gap="xs" style={{ flex: 1 }} align="flex-start">
              {renderRow(row, index, update(index))}
            </Group>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('form.removeRow', { n: index + 1 })}
              onClick={() => remove(index)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {errors.map((message) => (
          <Text key={message} size="sm" c="red.8" role="alert">
            {message}
          </Text>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...shown, { ...blank }])}
          >
            {t('form.addRow')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
