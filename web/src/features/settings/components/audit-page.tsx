// Settings → Audit log: who did what to which object and when, newest first, filtered by actor,
// action, object type and a date range (days in the user's time zone), in keyset pages.
import { Autocomplete, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadMoreButton } from '@/components/load-more-button';
import { PageLoader } from '@/components/page-loader';
import { useUsers } from '@/hooks/use-directory';
import { formatDateTime, fromLocalInput } from '@/lib/format';
import { useAuditPages } from '../hooks/use-settings';
import type { AuditFilter } from '../types/settings';
import { AuditChanges } from './audit-changes';

const kActions = [
  'create',
  'update',
  'delete',
  'restore',
  'erase',
  'role_change',
  'login',
  'login_failed',
  'logout',
  'unlock',
  'password_change',
  'password_reset',
  'revoke',
  'create_note',
  'update_note',
  'delete_note',
];
const kObjectTypes = ['contacts', 'companies', 'activities', 'notes', 'users', 'teams', 'tokens', 'custom_fields'];

// The first instant of a calendar day (YYYY-MM-DD) in the user's zone; the "to" day is included,
// so the range ends at the start of the next day (the API's "to" is exclusive).
function dayStart(ymd: string, plusDays = 0): string | undefined {
  if (!ymd) return undefined;
  const date = new Date(`${ymd}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return fromLocalInput(`${date.toISOString().slice(0, 10)}T00:00`) ?? undefined;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const [actor, setActor] = useState<string | null>(null);
  const [action, setAction] = useState('');
  const [objectType, setObjectType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState<AuditFilter>({});
  const pages = useAuditPages(filter);
  const entries = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const userName = (id: number | null) =>
    id === null ? t('settings.audit.system') : (users.data?.find((u) => u.id === id)?.display_name ?? `#${id}`);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({
      actor_id: actor ?? undefined,
      action: action.trim() || undefined,
      object_type: objectType.trim() || undefined,
      from: dayStart(from),
      to: dayStart(to, 1),
    });
  };

  return (
    <>
      <form onSubmit={apply} noValidate data-testid="audit-filters">
        <Group align="flex-end">
          <Select
            label={t('settings.audit.actor')}
            data={(users.data ?? []).map((u) => ({ value: String(u.id), label: u.display_name }))}
            value={actor}
            onChange={setActor}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid="audit-actor"
          />
          <Autocomplete label={t('settings.audit.action')} data={kActions} value={action} onChange={setAction} data-testid="audit-action" />
          <Autocomplete
            label={t('settings.audit.objectType')}
            data={kObjectTypes}
            value={objectType}
            onChange={setObjectType}
            data-testid="audit-object-type"
          />
          <TextInput label={t('settings.audit.from')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="audit-from" />
          <TextInput label={t('settings.audit.to')} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="audit-to" />
          <Button type="submit" data-testid="audit-apply">
            {t('settings.audit.apply')}
          </Button>
        </Group>
      </form>
      {pages.isPending && <PageLoader />}
      {pages.isError && <ErrorState error={pages.error} onRetry={() => pages.refetch()} />}
      {pages.data && entries.length === 0 && <Text c="dimmed">{t('settings.audit.none')}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table data-testid="audit-table" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.audit.at')}</Table.Th>
                <Table.Th>{t('settings.audit.actor')}</Table.Th>
                <Table.Th>{t('settings.audit.action')}</Table.Th>
                <Table.Th>{t('settings.audit.object')}</Table.Th>
                <Table.Th>{t('settings.audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id} data-testid="audit-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, i18n.language)}</Table.Td>
                  <Table.Td>{userName(entry.actor_id)}</Table.Td>
                  <Table.Td>
                    <code>{entry.action}</code>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {entry.object_type}
                    {entry.object_id !== null && ` #${entry.object_id}`}
                  </Table.Td>
                  <Table.Td>
                    <AuditChanges changes={entry.changes} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton pages={pages} testId="audit-more" />
    </>
  );
}
