// Between a record's wire JSON and a form: read a field's value (custom ones live under
// "custom"), and turn the fields the user changed into a request body.
import type { FieldMeta } from '@/types/meta';
import type { RecordData } from '@/types/record';

export type Draft = Record<string, unknown>;

export function customKey(field: FieldMeta): string {
  return field.name.slice('custom.'.length);
}

export function valueOf(record: RecordData | null, field: FieldMeta): unknown {
  if (!record) return undefined;
  if (field.custom) return record.custom?.[customKey(field)];
  return record[field.name];
}

type Row = Record<string, unknown>;

function filled(value: unknown): boolean {
  return value !== undefined && value !== null && String(value).trim() !== '';
}

// Rows the user added but left blank are dropped rather than sent as invalid entries.
function keepFilled(rows: unknown, main: string): Row[] {
  return Array.isArray(rows) ? (rows as Row[]).filter((row) => filled(row[main])) : [];
}

// Among several e-mails or phones exactly one must be primary; a lone one is primary anyway.
function withOnePrimary(rows: Row[]): Row[] {
  if (rows.length === 0) return rows;
  const at = Math.max(0, rows.findIndex((r) => r.primary === true));
  return rows.map((row, i) => ({ ...row, primary: i === at }));
}

// e164 is what the server derived from the typed number; sending it back would be refused.
function withoutE164(rows: Row[]): Row[] {
  return rows.map(({ e164: _derived, ...row }) => row);
}

function wireValue(field: FieldMeta, value: unknown): unknown {
  switch (field.type) {
    case 'emails':
      return withOnePrimary(keepFilled(value, 'address'));
    case 'phones':
      return withOnePrimary(withoutE164(keepFilled(value, 'number')));
    case 'titled_links':
      return keepFilled(value, 'company_id');
    case 'addresses':
      return Array.isArray(value)
        ? (value as Row[]).filter((row) => Object.entries(row).some(([k, v]) => k !== 'type' && filled(v)))
        : [];
    case 'tags':
    case 'domains':
    case 'links':
    case 'multi_select':
      return Array.isArray(value) ? value : [];
    default:
      if (value === '' || value === undefined) {
        // Text fields keep "" (the server stores it); everything else clears with null.
        return field.type === 'text' || field.type === 'long_text' ? '' : null;
      }
      return value;
  }
}

// The request body for the fields in the draft: the changed ones on an edit, the typed ones on
// a create.
export function toWire(fields: FieldMeta[], draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field.name in draft)) continue;
    const value = wireValue(field, draft[field.name]);
    if (field.custom) custom[customKey(field)] = value;
    else body[field.name] = value;
  }
  if (Object.keys(custom).length > 0) body.custom = custom;
  return body;
}
