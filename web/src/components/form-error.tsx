// The sentence above a form when submitting it failed for a reason no single field carries.
import { Alert } from '@mantine/core';

type Props = { message: string | null | undefined; testId?: string };

export function FormError({ message, testId }: Props) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" data-testid={testId}>
      {message}
    </Alert>
  );
}
