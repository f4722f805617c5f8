// Moves the record to the trash after the user confirms.
import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = { title: string; onConfirm: () => void; pending: boolean };

export function TrashButton({ title, onConfirm, pending }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="outline" color="red.8" leftSection={<IconTrash size={16} aria-hidden />} onClick={open} data-testid="trash">
        {t('record.trash')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('record.trashTitle')}>
        <Text size="sm" mb="md">
          {t('record.trashBody', { title })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red.8" loading={pending} onClick={onConfirm} data-testid="trash-confirm">
            {t('record.trash')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
