// A field's value for reading, per type: formatted dates, numbers and money, choices in words,
// owners and teams by name, linked records as links.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '@/hooks/use-directory';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { choiceLabel } from '@/lib/records';
import type { FieldMeta, KindMeta } from '@/types/meta';
import { RecordLink } from './record-link';

type Row = Record<string, unknown>;
type Props = { kind: KindMeta; field: FieldMeta; value: unknown; inline?: boolean };

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? (value as Row[]) : [];
}

function addressLine(address: Row): string {
  const cityLine = [address.postal_code, address.locality].filter(Boolean).join(' ');
  return [address.street, cityLine, address.region, address.country].filter(Boolean).join(', ');
}

function UserName({ id }: { id: number }) {
  const users = useUsers();
  return <>{users.data?.find((u) => u.id === id)?.display_name ?? `#${id}`}</>;
}

function TeamName({ id }: { id: number }) {
  const teams = useTeams();
  return <>{teams.data?.find((team) => team.id === id)?.name ?? `#${id}`}</>;
}

export function FieldValue({ kind, field, value, inline = false }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) {
    return inline ? null : (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const text = (s: string) => (
    <Text size="sm" truncate={inline ? 'end' : undefined} style={inline ? undefined : { whiteSpace: 'pre-wrap' }}>
      {s}
    </Text>
  );

  switch (field.type) {
    case 'enum':
    case 'single_select':
      return text(choiceLabel(t, kind, field, String(value)));
    case 'timestamp':
    case 'date_time':
      return text(formatDateTime(String(value), locale));
    case 'date':
      return text(formatDate(String(value), locale));
    case 'integer':
    case 'number':
      return text(formatNumber(Number(value), locale));
    case 'boolean':
      return text(value ? t('common.yes') : t('common.no'));
    case 'money': {
      const money = value as { amount_minor: number; currency: string };
      return text(formatMoney(money.amount_minor, money.currency, locale));
    }
    case 'emails':
      return text(rows(value).map((e) => String(e.address)).join(', '));
    case 'phones':
      return text(rows(value).map((p) => String(p.number)).join(', '));
    case 'tags':
    case 'domains':
    case 'multi_select':
      return (
        <Group gap={4} wrap={inline ? 'nowrap' : 'wrap'}>
          {(value as string[]).map((tag) => (
            <Badge key={tag} variant="light" color="gray" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      );
    case 'user':
      return (
        <Text size="sm">
          <UserName id={Number(value)} />
        </Text>
      );
    case 'team':
      return (
        <Text size="sm">
          <TeamName id={Number(value)} />
        </Text>
      );
    case 'record':
      return <RecordLink target={field.target} id={Number(value)} />;
    case 'links':
      return (
        <Group gap="xs">
          {(value as number[]).map((id) => (
            <RecordLink key={id} target={field.target} id={id} />
          ))}
        </Group>
      );
    case 'titled_links':
      return (
        <Stack gap={2}>
          {rows(value).map((link) => (
            <Text size="sm" key={String(link.company_id)}>
              <RecordLink target={field.target} id={Number(link.company_id)} />
              {link.job_title ? ` — ${String(link.job_title)}` : ''}
            </Text>
          ))}
        </Stack>
      );
    case 'addresses':
      return (
        <Stack gap={2}>
          {rows(value).map((address, i) => (
            <Text size="sm" key={i}>
              {address.type ? `${t(`addressType.${String(address.type)}`)}: ` : ''}
              {addressLine(address)}
            </Text>
          ))}
        </Stack>
      );
    case 'consents':
      return (
        <Stack gap={2}>
          {rows(value).map((consent) => (
            <Text size="sm" key={String(consent.channel)}>
              {t(`consentChannel.${String(consent.channel)}`)}:{' '}
              {consent.granted ? t('consent.granted') : t('consent.withdrawn')} ({formatDateTime(String(consent.at), locale)})
            </Text>
          ))}
        </Stack>
      );
    default:
      return text(typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}
