// The inside of a "really remove this?" dialog: what will happen, the server's refusal if any,
// Cancel and a red confirm button that spins while the request runs.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from './form-error';

type Props = {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
  error?: string | null;
  errorTestId?: string;
  confirmTestId: string;
};

export function ConfirmBody({ message, confirmLabel, onConfirm, onCancel, pending, error, errorTestId, confirmTestId }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm">{message}</Text>
      <FormError message={error} testId={errorTestId} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="red.9" loading={pending} onClick={onConfirm} data-testid={confirmTestId}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
