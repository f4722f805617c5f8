// The kind named by the :kind route parameter, looked up in the metadata.
import { useParams } from 'react-router';
import { useKind } from '@/hooks/use-meta';

export function useRouteKind() {
  const { kind } = useParams();
  return useKind(kind);
}
