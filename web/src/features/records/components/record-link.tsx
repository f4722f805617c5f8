// A link to another record, named by its title once that has loaded.
import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useMeta } from '@/hooks/use-meta';
import { recordTitle } from '@/lib/records';
import { getRecord } from '../api/records';
import { recordKey } from '../hooks/use-record';

export function RecordLink({ target, id }: { target: string | undefined; id: number }) {
  const meta = useMeta();
  const kind = meta.data?.kinds.find((k) => k.kind === target);
  const record = useQuery({
    queryKey: recordKey(kind?.collection ?? '', id),
    queryFn: ({ signal }) => getRecord(kind!.collection, id, signal),
    enabled: kind !== undefined,
    staleTime: 60_000,
  });
  if (!kind) return <span>#{id}</span>;
  const title = record.data ? recordTitle(kind, record.data.data) : `#${id}`;
  return (
    <Anchor component={Link} to={`/r/${kind.kind}/${id}`}>
      {title}
    </Anchor>
  );
}
