// /r/:kind/:id — the record page of any kind, with the timeline beside it for kinds that have
// one.
import { useParams } from 'react-router';
import { RecordPage } from '@/features/records/components/record-page';
import { Timeline } from '@/features/timeline/components/timeline';
import { KindGate } from './kind-gate';
import NotFoundRoute from './not-found-route';

export default function RecordRoute() {
  const id = Number(useParams().id);
  if (!Number.isSafeInteger(id) || id < 1) return <NotFoundRoute />;
  return (
    <KindGate>
      {(kind) => (
        <RecordPage
          key={`${kind.kind}-${id}`}
          kind={kind}
          id={id}
          renderExtra={
            kind.timeline
              ? (_record, canWrite) => <Timeline kind={kind.kind} collection={kind.collection} id={id} canWrite={canWrite} />
              : undefined
          }
        />
      )}
    </KindGate>
  );
}
