// The sign-in page: e-mail and password, with a message for each way signing in can fail, then
// back to the page the user wanted.
import { Button, Center, Paper, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { FormError } from '@/components/form-error';
import { LanguagePicker } from '@/components/language-picker';
import { PasswordField } from '@/components/password-field';
import { ApiError } from '@/lib/api-client';
import { useMe } from '@/hooks/use-me';
import { useSignIn } from '../hooks/use-sign-in';

type FromState = { from?: string } | null;

function failureMessage(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.status === 401) return t('auth.wrongCredentials');
  if (error.status === 429) return t('auth.throttled', { seconds: error.retryAfter ?? 60 });
  if (error.status === 0) return t('errors.unreachable');
  if (error.status === 422) return t('auth.incomplete');
  return t('errors.generic');
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as FromState)?.from ?? '/';

  if (me.data) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(from, { replace: true }) });
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('auth.title')}
            </Title>
            <FormError message={signIn.isError ? failureMessage(t, signIn.error) : null} testId="sign-in-error" />
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-autofocus
            />
            <PasswordField label={t('auth.password')} autoComplete="current-password" value={password} onChange={setPassword} />
            <Button type="submit" loading={signIn.isPending} disabled={!email || !password}>
              {t('auth.submit')}
            </Button>
            <LanguagePicker />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
