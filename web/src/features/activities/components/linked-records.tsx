// The contacts and companies an activity is linked to, as links to their pages.
import { Anchor, Group } from '@mantine/core';
import { IconAddressBook, IconBuilding } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Activity } from '../types/activity';

export type Titles = { contact: Map<number, string>; company: Map<number, string> };

export function LinkedRecords({ activity, titles }: { activity: Activity; titles: Titles }) {
  const links = [
    ...activity.contact_ids.map((id) => ({ kind: 'contact' as const, id, Icon: IconAddressBook })),
    ...activity.company_ids.map((id) => ({ kind: 'company' as const, id, Icon: IconBuilding })),
  ];
  if (links.length === 0) return null;
  return (
    <Group gap="sm" wrap="wrap">
      {links.map(({ kind, id, Icon }) => (
        <Anchor key={`${kind}-${id}`} component={Link} to={`/r/${kind}/${id}`} size="sm" data-testid="my-day-link">
          <Group gap={4} wrap="nowrap" component="span">
            <Icon size={14} aria-hidden />
            {titles[kind].get(id) ?? `#${id}`}
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}
