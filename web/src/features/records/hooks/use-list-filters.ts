// The list's filter conditions, kept in the page URL in the API's own syntax so that a filtered
// list can be shared as a link and survives reload and back.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { KindMeta } from '@/types/meta';
import { addCondition, type FilterCondition, filterParam, isValidCondition, parseFilters, withFilters } from '../utils/list-filters';

export function useListFilters(kind: KindMeta) {
  const [params, setParams] = useSearchParams();
  const raw = params.toString();
  // Conditions the metadata does not allow (a hand-edited link, a removed custom field) are
  // ignored rather than sent and refused.
  const conditions = useMemo(
    () => parseFilters(new URLSearchParams(raw)).filter((c) => isValidCondition(kind, c)),
    [kind, raw],
  );

  const set = useCallback(
    (next: FilterCondition[]) => setParams((current) => withFilters(current, next)),
    [setParams],
  );
  const add = useCallback((condition: FilterCondition) => set(addCondition(conditions, condition)), [conditions, set]);
  const remove = useCallback(
    (condition: FilterCondition) => set(conditions.filter((c) => filterParam(c) !== filterParam(condition))),
    [conditions, set],
  );
  const clear = useCallback(() => set([]), [set]);
  return { conditions, add, remove, clear };
}
