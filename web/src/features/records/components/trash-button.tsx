// Moves the record to the trash after the user confirms.
import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmBody } from '@/components/confirm-body';

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
        <ConfirmBody
          message={t('record.trashBody', { title })}
          confirmLabel={t('record.trash')}
          onConfirm={onConfirm}
          onCancel={close}
          pending={pending}
          confirmTestId="trash-confirm"
        />
      </Modal>
    </>
  );
}
