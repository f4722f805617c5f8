// Changes the signed-in user's own password. The server then ends every session and revokes
// every API token of theirs, so the user signs in again with the new password.
import { Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '@/components/form-error';
import { PasswordField } from '@/components/password-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import { kMeKey, useMe } from '@/hooks/use-me';
import { setCsrfToken } from '@/lib/csrf';
import { changePassword } from '../api/account';

export function PasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword(me.data!.id, current, password),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('account.passwordChanged') });
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(kMeKey, null);
      navigate('/sign-in', { replace: true });
    },
  });
  const errors = useFormErrors(change.error, ['current_password', 'password']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) change.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack p="md" maw={480}>
        <Title order={1} size="h2">
          {t('account.changePassword')}
        </Title>
        <Text size="sm">{t('account.passwordHelp')}</Text>
        <FormError message={errors.form} testId="password-error" />
        <PasswordField
          label={t('account.currentPassword')}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={errors.field('current_password')}
          data-testid="current-password"
        />
        <PasswordField
          label={t('account.newPassword')}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.field('password')}
          data-testid="new-password"
        />
        <PasswordField
          label={t('account.repeatPassword')}
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          error={mismatch ? t('account.passwordsDiffer') : undefined}
          data-testid="repeat-password"
        />
        <Button type="submit" loading={change.isPending} disabled={!current || !password} w="fit-content" data-testid="password-submit">
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
