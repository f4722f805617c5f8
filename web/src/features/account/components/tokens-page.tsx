// The signed-in user's API tokens: the list, creating one (its secret is shown this once, with a
// copy button) and revoking one.
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { FormError } from '@/components/form-error';
import { PageLoader } from '@/components/page-loader';
import { PasswordField } from '@/components/password-field';
import { useErrorMessage } from '@/hooks/use-error-message';
import { useFormErrors } from '@/hooks/use-form-errors';
import { formatDateTime, fromLocalInput } from '@/lib/format';
import { useCreateToken, useRevokeToken, useTokens } from '../hooks/use-tokens';
import type { ApiToken, CreatedToken, TokenScope } from '../types/token';

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  if (token.revoked_at) return <Badge color="gray.8">{t('tokens.revoked')}</Badge>;
  if (token.expires_at && new Date(token.expires_at).getTime() < Date.now()) return <Badge color="gray.8">{t('tokens.expired')}</Badge>;
  return <Badge color="teal.9">{t('tokens.active')}</Badge>;
}

function NewSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal.9" variant="outline" title={t('tokens.createdTitle', { name: token.name })} data-testid="token-secret-panel">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('tokens.secretOnce')}</Text>
        <Code block data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
          {token.secret}
        </Code>
        <Group>
          <CopyButton value={token.secret}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                {copied ? t('tokens.copied') : t('tokens.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="outline" onClick={onDone} data-testid="token-secret-done">
            {t('tokens.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [expires, setExpires] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(create.error, ['name', 'scope', 'expires_at', 'password']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = fromLocalInput(expires);
    create.mutate(
      { name, scope, password, ...(expiresAt ? { expires_at: expiresAt } : {}) },
      {
        onSuccess: (token) => {
          setName('');
          setPassword('');
          setExpires('');
          onCreated(token);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h4">
          {t('tokens.create')}
        </Title>
        <FormError message={errors.form} />
        <TextInput label={t('tokens.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.field('name')} data-testid="token-name" />
        <Select
          label={t('tokens.scope')}
          data={[
            { value: 'read', label: t('tokens.scopeRead') },
            { value: 'read-write', label: t('tokens.scopeReadWrite') },
          ]}
          value={scope}
          onChange={(value) => value && setScope(value as TokenScope)}
          allowDeselect={false}
          error={errors.field('scope')}
          comboboxProps={{ withinPortal: true }}
          data-testid="token-scope"
        />
        <TextInput
          label={t('tokens.expires')}
          description={t('tokens.expiresHelp')}
          type="datetime-local"
          value={expires}
          onChange={(e) => setExpires(e.currentTarget.value)}
          error={errors.field('expires_at')}
          data-testid="token-expires"
        />
        <PasswordField
          label={t('tokens.password')}
          description={t('tokens.passwordHelp')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.field('password')}
          data-testid="token-password"
        />
        <Button type="submit" loading={create.isPending} disabled={!name || !password} w="fit-content" data-testid="token-create">
          {t('tokens.create')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function TokensPage() {
  const { t, i18n } = useTranslation();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const errorMessage = useErrorMessage();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <Stack p="md" maw={960}>
      <Title order={1} size="h2">
        {t('account.tokens')}
      </Title>
      <Text size="sm">{t('tokens.help')}</Text>
      {created && <NewSecret token={created} onDone={() => setCreated(null)} />}
      <FormError message={revoke.isError ? errorMessage(revoke.error) : null} />
      {tokens.isPending && <PageLoader />}
      {tokens.isError && <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />}
      {tokens.data && tokens.data.length === 0 && <Text c="dimmed">{t('tokens.none')}</Text>}
      {tokens.data && tokens.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="token-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.name')}</Table.Th>
                <Table.Th>{t('tokens.scope')}</Table.Th>
                <Table.Th>{t('tokens.createdAt')}</Table.Th>
                <Table.Th>{t('tokens.expires')}</Table.Th>
                <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                <Table.Th>{t('tokens.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('tokens.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id} data-testid="token-row">
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{token.scope === 'read' ? t('tokens.scopeRead') : t('tokens.scopeReadWrite')}</Table.Td>
                  <Table.Td>{formatDateTime(token.created_at, i18n.language)}</Table.Td>
                  <Table.Td>{token.expires_at ? formatDateTime(token.expires_at, i18n.language) : t('tokens.never')}</Table.Td>
                  <Table.Td>{token.last_used_at ? formatDateTime(token.last_used_at, i18n.language) : '—'}</Table.Td>
                  <Table.Td>
                    <TokenStatus token={token} />
                  </Table.Td>
                  <Table.Td>
                    {!token.revoked_at && (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        loading={revoke.isPending && revoke.variables === token.id}
                        onClick={() => revoke.mutate(token.id)}
                        aria-label={t('tokens.revokeNamed', { name: token.name })}
                        data-testid="token-revoke"
                      >
                        {t('tokens.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateTokenForm onCreated={setCreated} />
    </Stack>
  );
}
