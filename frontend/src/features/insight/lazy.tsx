// Entry points of the insight screens that load on first use: each screen is
// a bundle of its own, fetched when its tab first opens.
import { Suspense, lazy } from 'react';
import type { SessionInfo } from '../../api';
import { PaneLoader } from '../catalog/parts';

const History = lazy(() => import('./HistoryTab'));

export function LazyHistoryTab({ session }: { session: SessionInfo }) {
  return (
    <Suspense fallback={<PaneLoader />}>
      <History session={session} />
    </Suspense>
  );
}
