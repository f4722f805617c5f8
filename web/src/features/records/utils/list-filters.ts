// A list's filter conditions and their two spellings: the API's query parameters
// (filter[field]=v, filter[field][op]=v), which the page URL and saved views carry as they are.
import type { FieldMeta, KindMeta } from '@/types/meta';

export type FilterOp = 'eq' | 'ne' | 'lt' | 'gt' | 'in' | 'contains' | 'empty';

export type FilterCondition = { field: string; op: FilterOp; value: string };

const kOps: readonly FilterOp[] = ['eq', 'ne', 'lt', 'gt', 'in', 'contains', 'empty'];
const kKey = /^filter\[((?:custom\.)?[a-z0-9_]+)\](?:\[([a-z]+)\])?$/;

// The parameters of a list query that a shared link or a saved view keeps; paging is not one.
const kQueryParams = ['sort', 'q'];

export function isFilterOp(op: string): op is FilterOp {
  return (kOps as readonly string[]).includes(op);
}

export function filterParam(condition: Pick<FilterCondition, 'field' | 'op'>): string {
  return condition.op === 'eq' ? `filter[${condition.field}]` : `filter[${condition.field}][${condition.op}]`;
}

// The conditions in a query string, in their order; parameters that are not filters, and
// filters with an operator the API does not know, are left out.
export function parseFilters(params: URLSearchParams): FilterCondition[] {
  const out: FilterCondition[] = [];
  for (const [key, value] of params) {
    const match = kKey.exec(key);
    if (!match) continue;
    // eq is spelled without an operator; the API refuses [eq].
    const op = match[2] ?? 'eq';
    if (match[2] === 'eq' || !isFilterOp(op)) continue;
    out.push({ field: match[1]!, op, value });
  }
  return out;
}

// The query string with its filters replaced by these conditions; a later condition on the same
// field and operator replaces an earlier one, since the API refuses a repeated parameter.
export function withFilters(params: URLSearchParams, conditions: FilterCondition[]): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of params) if (!kKey.test(key)) next.append(key, value);
  for (const condition of conditions) next.set(filterParam(condition), condition.value);
  return next;
}

// Adds a condition, replacing the one on the same field and operator.
export function addCondition(conditions: FilterCondition[], condition: FilterCondition): FilterCondition[] {
  const key = filterParam(condition);
  const kept = conditions.filter((c) => filterParam(c) !== key);
  return [...kept, condition];
}

// The list query a link or a saved view keeps: sort, search and filters, in that order, without
// limit, after or the screen's own parameters.
export function listQueryString(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const name of kQueryParams) {
    const value = params.get(name);
    if (value) out.set(name, value);
  }
  for (const condition of parseFilters(params)) out.set(filterParam(condition), condition.value);
  return out.toString();
}

// The fields a condition can be set on, with the operators the API allows on each.
export function filterableFields(kind: KindMeta): FieldMeta[] {
  return kind.fields.filter((f) => f.filterable && f.operators.length > 0);
}

// Whether a condition can still be sent: its field is filterable with its operator, and it has
// a value (the API refuses an empty one, and "empty" takes true or false).
export function isValidCondition(kind: KindMeta, condition: FilterCondition): boolean {
  const field = kind.fields.find((f) => f.name === condition.field);
  if (!field || !field.filterable || !field.operators.includes(condition.op)) return false;
  if (condition.op === 'empty') return condition.value === 'true' || condition.value === 'false';
  if (condition.op === 'in') return condition.value.split(',').every((v) => v !== '');
  return condition.value !== '';
}
