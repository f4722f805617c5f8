// The list's column menu: a checkbox per field (custom fields included) to show or hide it, and
// up/down buttons to order the shown ones; "Reset" goes back to the kind's default columns.
import { ActionIcon, Button, Checkbox, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '@/lib/records';
import type { KindMeta } from '@/types/meta';
import { columnCandidates, moveColumn } from '../utils/list-columns';

type Props = {
  kind: KindMeta;
  names: string[];
  onChange: (names: string[]) => void;
  onReset: () => void;
  isDefault: boolean;
};

export function ColumnChooser({ kind, names, onChange, onReset, isDefault }: Props) {
  const { t } = useTranslation();
  const candidates = columnCandidates(kind);
  const shown = names
    .map((name) => candidates.find((f) => f.name === name))
    .filter((f) => f !== undefined);
  const hidden = candidates.filter((f) => !names.includes(f.name));

  return (
    <Popover position="bottom-end" shadow="md" width={320} trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />} data-testid="columns-button">
          {t('columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="columns-menu">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={700} size="sm">
              {t('columns.title')}
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={onReset} disabled={isDefault} data-testid="columns-reset">
              {t('columns.reset')}
            </Button>
          </Group>
          <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {shown.map((field, i) => {
                const label = fieldLabel(t, field);
                return (
                  <Group key={field.name} component="li" gap="xs" wrap="nowrap" justify="space-between" data-column={field.name}>
                    <Checkbox
                      label={label}
                      checked
                      disabled={shown.length === 1}
                      onChange={() => onChange(names.filter((n) => n !== field.name))}
                      data-testid={`column-toggle-${field.name}`}
                    />
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        disabled={i === 0}
                        aria-label={t('columns.moveUp', { column: label })}
                        onClick={() => onChange(moveColumn(names, field.name, -1))}
                        data-testid={`column-up-${field.name}`}
                      >
                        <IconArrowUp size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        disabled={i === shown.length - 1}
                        aria-label={t('columns.moveDown', { column: label })}
                        onClick={() => onChange(moveColumn(names, field.name, 1))}
                        data-testid={`column-down-${field.name}`}
                      >
                        <IconArrowDown size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Group>
                );
              })}
              {hidden.map((field) => (
                <li key={field.name} data-column={field.name}>
                  <Checkbox
                    label={fieldLabel(t, field)}
                    checked={false}
                    onChange={() => onChange([...names, field.name])}
                    data-testid={`column-toggle-${field.name}`}
                  />
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
