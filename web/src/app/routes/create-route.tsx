// /r/:kind/new — the create form of any kind.
import { CreateRecordPage } from '@/features/records/components/create-record-page';
import { KindGate } from './kind-gate';

export default function CreateRoute() {
  return <KindGate>{(kind) => <CreateRecordPage key={kind.kind} kind={kind} />}</KindGate>;
}
