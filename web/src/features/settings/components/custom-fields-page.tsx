// Settings → Custom fields: the definitions of one kind (contact, company, activity), with
// defining, changing and removing them.
import { Badge, Button, Group, Modal, SegmentedControl, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBody } from '@/components/confirm-body';
import { ErrorState } from '@/components/error-state';
import { PageLoader } from '@/components/page-loader';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useCustomFields, useDeleteCustomField } from '../hooks/use-settings';
import { type CustomField, type Entity, kEntities } from '../types/settings';
import { CustomFieldForm } from './custom-field-form';

function DeleteField({ field, onDone }: { field: CustomField; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteCustomField();
  const errors = useFormErrors(remove.error, []);
  return (
    <ConfirmBody
      message={t('settings.fields.deleteBody', { label: field.label })}
      confirmLabel={t('settings.delete')}
      onConfirm={() => remove.mutate(field, { onSuccess: onDone })}
      onCancel={onDone}
      pending={remove.isPending}
      error={errors.form}
      confirmTestId="custom-field-delete-confirm"
    />
  );
}

export function CustomFieldsPage() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<Entity>('contact');
  const fields = useCustomFields(entity);
  // undefined: no dialog; null: a new field; a field: editing that one.
  const [editing, setEditing] = useState<CustomField | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<CustomField | null>(null);

  const done = (field: CustomField) => {
    notifications.show({ color: 'green', message: t('settings.fields.saved', { label: field.label }) });
    setEditing(undefined);
  };

  return (
    <>
      <Group justify="space-between">
        <SegmentedControl
          value={entity}
          onChange={(value) => setEntity(value as Entity)}
          data={kEntities.map((e) => ({ value: e, label: t(`kinds.${e}`) }))}
          aria-label={t('settings.fields.entity')}
          data-testid="custom-field-entity"
        />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)} data-testid="new-custom-field">
          {t('settings.fields.new')}
        </Button>
      </Group>
      {fields.isPending && <PageLoader />}
      {fields.isError && <ErrorState error={fields.error} onRetry={() => fields.refetch()} />}
      {fields.data && fields.data.length === 0 && <Text c="dimmed">{t('settings.fields.none')}</Text>}
      {fields.data && fields.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="custom-fields-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.fields.label')}</Table.Th>
                <Table.Th>{t('settings.fields.key')}</Table.Th>
                <Table.Th>{t('settings.fields.type')}</Table.Th>
                <Table.Th>{t('settings.fields.options')}</Table.Th>
                <Table.Th>{t('settings.fields.rules')}</Table.Th>
                <Table.Th>{t('settings.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.data.map((field) => (
                <Table.Tr key={field.id} data-testid="custom-field-row">
                  <Table.Td>{field.label}</Table.Td>
                  <Table.Td>
                    <code>{field.key}</code>
                  </Table.Td>
                  <Table.Td>{t(`settings.fieldTypes.${field.type}`)}</Table.Td>
                  <Table.Td>{field.options.join(', ')}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {field.required && <Badge variant="outline">{t('settings.fields.required')}</Badge>}
                      {field.unique && <Badge variant="outline">{t('settings.fields.unique')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="outline" onClick={() => setEditing(field)} aria-label={t('settings.editNamed', { name: field.label })}>
                        {t('settings.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        onClick={() => setDeleting(field)}
                        aria-label={t('settings.deleteNamed', { name: field.label })}
                      >
                        {t('settings.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('settings.close') }}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('settings.fields.editTitle', { label: editing.label }) : t('settings.fields.new')}
      >
        {editing !== undefined && (
          <CustomFieldForm key={editing?.id ?? 'new'} entity={entity} field={editing} onDone={done} onCancel={() => setEditing(undefined)} />
        )}
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': t('settings.close') }} opened={deleting !== null} onClose={() => setDeleting(null)} title={t('settings.fields.deleteTitle')}>
        {deleting && <DeleteField key={deleting.id} field={deleting} onDone={() => setDeleting(null)} />}
      </Modal>
    </>
  );
}
