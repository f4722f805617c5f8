// /r/:kind — the list of any kind.
import { RecordListPage } from '@/features/records/components/record-list-page';
import { KindGate } from './kind-gate';

export default function ListRoute() {
  return <KindGate>{(kind) => <RecordListPage key={kind.kind} kind={kind} />}</KindGate>;
}
