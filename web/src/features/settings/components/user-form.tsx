// Creating a user (e-mail, name, role, team, first password) or changing one (name, role, team,
// active; unlock), with the API's messages on their fields.
import { Button, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { PasswordField } from '@/components/password-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import type { Role, User } from '@/types/user';
import { useCreateUser, useTeamRows, useUnlockUser, useUpdateUser } from '../hooks/use-settings';
import { kRoles } from '../types/settings';

type Props = { user: User | null; onDone: (user: User) => void; onCancel: () => void };

export function UserForm({ user, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const teams = useTeamRows();
  const create = useCreateUser();
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState(user?.display_name ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'sales');
  const [team, setTeam] = useState<string | null>(user?.team_id ? String(user.team_id) : null);
  const [active, setActive] = useState(user?.active ?? true);
  const [password, setPassword] = useState('');
  const mutation = user ? update : create;
  const errors = useFormErrors(mutation.error ?? unlock.error, ['email', 'display_name', 'role', 'team_id', 'active', 'password']);
  const teamId = team ? Number(team) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (user) {
      update.mutate(
        { user, body: { display_name: name, role, team_id: teamId, active } },
        { onSuccess: (saved) => onDone(saved) },
      );
    } else {
      create.mutate({ email, display_name: name, role, team_id: teamId, password }, { onSuccess: (saved) => onDone(saved) });
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="user-form">
      <Stack>
        <FormError message={errors.form} testId="user-form-error" />
        {user ? (
          <Text size="sm">{user.email}</Text>
        ) : (
          <TextInput
            label={t('settings.users.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.field('email')}
            data-autofocus
            data-testid="user-email"
          />
        )}
        <TextInput
          label={t('settings.users.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.field('display_name')}
          data-testid="user-name"
        />
        <Select
          label={t('settings.users.role')}
          data={kRoles.map((r) => ({ value: r, label: t(`settings.roles.${r}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
          allowDeselect={false}
          error={errors.field('role')}
          comboboxProps={{ withinPortal: true }}
          data-testid="user-role"
        />
        <Select
          label={t('settings.users.team')}
          data={(teams.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
          value={team}
          onChange={setTeam}
          clearable
          searchable
          placeholder={t('settings.users.noTeam')}
          error={errors.field('team_id')}
          comboboxProps={{ withinPortal: true }}
          data-testid="user-team"
        />
        {user ? (
          <Switch
            label={t('settings.users.active')}
            description={t('settings.users.activeHelp')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            error={errors.field('active')}
            data-testid="user-active"
          />
        ) : (
          <PasswordField
            label={t('settings.users.password')}
            description={t('settings.users.passwordHelp')}
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={errors.field('password')}
            data-testid="user-password"
          />
        )}
        <Group justify="space-between">
          {user?.locked ? (
            <Button variant="outline" loading={unlock.isPending} onClick={() => unlock.mutate(user.id, { onSuccess: onDone })} data-testid="user-unlock">
              {t('settings.users.unlock')}
            </Button>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="subtle" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="user-submit">
              {user ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
