// An audit entry's changes read as field: before → after.
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuditChanges } from './audit-changes';

describe('AuditChanges', () => {
  it('shows each field with its value before and after', () => {
    const { container } = render(
      <MantineProvider>
        <AuditChanges
          changes={{
            name: { before: null, after: 'Team Bangkok' },
            role: { before: 'sales', after: 'manager' },
            tags: { before: ['a'], after: ['a', 'b'] },
            active: { before: true },
          }}
        />
      </MantineProvider>,
    );
    const rows = [...container.querySelectorAll('dl > div')].map((d) => d.textContent);
    expect(rows).toEqual(['name∅ → Team Bangkok', 'rolesales → manager', 'tags["a"] → ["a","b"]', 'activetrue']);
  });
});
