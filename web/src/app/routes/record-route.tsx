// /r/:kind/:id — the record page of any kind, with the timeline beside it for kinds that have
// one, and there a composer to log calls, meetings and tasks linked to the record.
import { useParams } from 'react-router';
import { ActivityComposer } from '@/features/activities/components/activity-composer';
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
              ? (record, canWrite) => (
                  <Timeline
                    kind={kind.kind}
                    collection={kind.collection}
                    id={id}
                    canWrite={canWrite}
                    composer={record.deleted_at ? null : <ActivityComposer kind={kind.kind} id={id} />}
                  />
                )
              : undefined
          }
        />
      )}
    </KindGate>
  );
}
