// One audit entry's changes, readable: each field with its value before → after (a created
// object has only "after", a deleted one only "before").
import { Text } from '@mantine/core';
import type { AuditEntry } from '../types/settings';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function isChange(value: unknown): value is { before?: unknown; after?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ('before' in value || 'after' in value);
}

export function AuditChanges({ changes }: { changes: AuditEntry['changes'] }) {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <dl className="rapport-audit-changes">
      {entries.map(([field, value]) => (
        <div key={field}>
          <dt>{field}</dt>
          <dd>
            {isChange(value) ? (
              <>
                {'before' in value && <del>{show(value.before)}</del>}
                {'before' in value && 'after' in value && <span> → </span>}
                {'after' in value && <ins>{show(value.after)}</ins>}
              </>
            ) : (
              show(value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
