// A kind as GET /api/v1/meta describes it, trimmed to one field of each kind of input, for the
// tests of the generic screens.
import type { FieldMeta, KindMeta } from '@/types/meta';

function field(name: string, type: string, extra: Partial<FieldMeta> = {}): FieldMeta {
  return {
    name,
    type,
    label_key: `fields.contact.${name}`,
    required: false,
    read_only: false,
    sortable: false,
    filterable: false,
    operators: [],
    searchable: false,
    custom: false,
    ...extra,
  };
}

export const contactKind: KindMeta = {
  kind: 'contact',
  collection: 'contacts',
  label_key: 'kinds.contact',
  default_sort: 'id',
  owned: true,
  trash: true,
  search: true,
  custom_fields: true,
  timeline: true,
  audit: true,
  permissions: { read: 'all', create: 'all', update: 'all', delete: 'all', import: null, export: null, assign: null },
  fields: [
    field('id', 'id', { read_only: true, sortable: true }),
    field('given_name', 'text', { sortable: true }),
    field('family_name', 'text', { sortable: true }),
    field('emails', 'emails'),
    field('phones', 'phones'),
    field('city', 'place'),
    field('lifecycle_stage', 'enum', { options: ['lead', 'customer'] }),
    field('owner_id', 'user'),
    field('notes', 'long_text'),
    field('updated_at', 'timestamp', { read_only: true, sortable: true }),
    {
      ...field('custom.region', 'text', { custom: true, required: true }),
      label: 'Sales region',
      label_key: undefined,
    },
  ],
};
