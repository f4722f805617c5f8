// A saved view of a list as /api/v1/views answers it: a named list query (filter, sort, search)
// and columns of one kind, private to its owner or shared with the owner's team.
export type SavedView = {
  id: number;
  kind: string;
  name: string;
  shared: boolean;
  owner_id: number;
  query: string;
  columns: string[];
  version: number;
  created_at: string;
  updated_at: string;
};

export type ViewDraft = Pick<SavedView, 'name' | 'shared' | 'query' | 'columns'>;
