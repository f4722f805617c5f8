// The generic form built from a kind's metadata: one input per editable field with its label,
// the API's messages shown on the field they name, and the request body from what was typed.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formFields } from '@/lib/records';
import { contactKind } from '@/test/meta-fixture';
import type { FieldMeta } from '@/types/meta';
import { type Draft, toWire } from '../utils/form-values';
import { RecordFields } from './record-fields';

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { enabled: false } } });
  return (
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter>{children}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

afterEach(cleanup);

describe('the generic record form', () => {
  const fields = formFields(contactKind, false);

  it('offers the editable fields only, with translated labels', () => {
    expect(fields.map((f) => f.name)).toEqual(['given_name', 'family_name', 'emails', 'phones', 'lifecycle_stage', 'notes', 'custom.region']);
    render(wrap(<RecordFields kind={contactKind} fields={fields} valueOf={() => undefined} editable onChange={() => {}} errors={{}} />));
    expect(screen.getByLabelText('Given name')).toBeTruthy();
    expect(screen.getByLabelText('Family name')).toBeTruthy();
    expect(screen.getByLabelText('E-mail address')).toBeTruthy();
    expect(screen.getByLabelText('Phone number')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Notes' })).toBeTruthy();
    expect(screen.getByText('Sales region')).toBeTruthy();
    expect(screen.queryByLabelText('City')).toBeNull();
    expect(screen.queryByLabelText('Owner')).toBeNull();
  });

  it('shows the owner only to those who may assign', () => {
    expect(formFields(contactKind, true).some((f) => f.name === 'owner_id')).toBe(true);
  });

  it('puts each API message on its field', () => {
    const errors = {
      given_name: ['is too long'],
      'emails/0/address': ['email address needs an @'],
      'custom/region': ['is required'],
    };
    const value = (f: FieldMeta) => (f.name === 'emails' ? [{ address: 'bad', type: 'work' }] : undefined);
    render(wrap(<RecordFields kind={contactKind} fields={fields} valueOf={value} editable onChange={() => {}} errors={errors} />));
    const given = screen.getByLabelText('Given name');
    expect(given.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('is too long')).toBeTruthy();
    const email = screen.getByLabelText('E-mail address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('email address needs an @')).toBeTruthy();
    expect(screen.getByText('is required')).toBeTruthy();
  });

  it('reports typing as a change of the field', () => {
    const onChange = vi.fn();
    render(wrap(<RecordFields kind={contactKind} fields={fields} valueOf={() => undefined} editable onChange={onChange} errors={{}} />));
    fireEvent.change(screen.getByLabelText('Given name'), { target: { value: 'สมชาย' } });
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ name: 'given_name' }), 'สมชาย');
  });

  it('shows values without inputs to a reader', () => {
    const value = (f: FieldMeta) => (f.name === 'given_name' ? 'Somchai' : f.name === 'lifecycle_stage' ? 'customer' : undefined);
    render(wrap(<RecordFields kind={contactKind} fields={fields} valueOf={value} editable={false} onChange={() => {}} errors={{}} />));
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.getByText('Somchai')).toBeTruthy();
    expect(screen.getByText('Customer')).toBeTruthy();
  });

  it('builds the request body from the draft', () => {
    const draft: Draft = {
      given_name: 'สมชาย',
      emails: [{ address: '', type: 'work' }],
      phones: [{ number: '081 234 5678', type: 'mobile', e164: '+66812345678' }],
      lifecycle_stage: '',
      'custom.region': 'North',
    };
    expect(toWire(fields, draft)).toEqual({
      given_name: 'สมชาย',
      emails: [],
      phones: [{ number: '081 234 5678', type: 'mobile', primary: true }],
      lifecycle_stage: null,
      custom: { region: 'North' },
    });
  });
});
