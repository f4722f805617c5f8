// One search hit: the record's title with the typed text highlighted, and a second line that
// shows where else it matched (e-mail, phone, domain).
import { Highlight, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { KindMeta } from '@/types/meta';
import type { RecordData } from '@/types/record';
import { recordTitle } from '@/lib/records';

function secondLine(record: RecordData): string {
  const parts: string[] = [];
  const emails = record.emails as { address: string }[] | undefined;
  const phones = record.phones as { number: string }[] | undefined;
  const domains = record.domains as string[] | undefined;
  if (emails?.[0]) parts.push(emails[0].address);
  if (phones?.[0]) parts.push(phones[0].number);
  if (domains?.[0]) parts.push(domains[0]);
  return parts.join(' · ');
}

type Props = { kind: KindMeta; record: RecordData; query: string; onOpen: () => void };

export function SearchResult({ kind, record, query, onOpen }: Props) {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const detail = secondLine(record);
  return (
    <UnstyledButton
      data-search-result
      w="100%"
      px="sm"
      py={6}
      className="rapport-search-result"
      component={Link}
      to={`/r/${kind.kind}/${record.id}`}
      onClick={onOpen}
    >
      <Highlight highlight={words} size="sm" fw={500} component="span" display="block">
        {recordTitle(kind, record)}
      </Highlight>
      {detail && (
        <Highlight highlight={words} size="xs" c="dimmed" component="span" display="block">
          {detail}
        </Highlight>
      )}
    </UnstyledButton>
  );
}
