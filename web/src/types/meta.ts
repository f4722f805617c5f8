// The shape of GET /api/v1/meta: the record kinds the caller may read, their fields and the
// caller's permitted actions.
export type Scope = 'own' | 'team' | 'all' | null;

export type FieldMeta = {
  name: string;
  type: string;
  label_key?: string;
  label?: string;
  required: boolean;
  unique?: boolean;
  read_only: boolean;
  sortable: boolean;
  filterable: boolean;
  operators: string[];
  searchable: boolean;
  custom: boolean;
  options?: string[];
  target?: string;
};

export type Permissions = {
  read: Scope;
  create: Scope;
  update: Scope;
  delete: Scope;
  import: Scope;
  export: Scope;
  assign: Scope;
};

export type KindMeta = {
  kind: string;
  collection: string;
  label_key: string;
  default_sort: string;
  owned: boolean;
  trash: boolean;
  search: boolean;
  custom_fields: boolean;
  timeline: boolean;
  audit: boolean;
  fields: FieldMeta[];
  permissions: Permissions;
};

export type Meta = { kinds: KindMeta[] };
