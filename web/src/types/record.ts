// A record of any kind as the API answers it: an id, a version and the kind's fields by wire
// name (custom field values under "custom").
export type RecordData = {
  id: number;
  version: number;
  custom?: Record<string, unknown>;
  [field: string]: unknown;
};

export type Page<T> = { items: T[]; next: string | null };
