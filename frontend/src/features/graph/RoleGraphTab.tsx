import { Center, Loader } from '@mantine/core';
import { Suspense, lazy } from 'react';
import type { SessionInfo } from '../../api';

// The graph view and its layout engine load on first open: the welcome
// screen and the lists never pay for them.
const RoleGraphView = lazy(() => import('./RoleGraphView'));

export function RoleGraphTab({ session }: { session: SessionInfo }) {
  return (
    <Suspense
      fallback={
        <Center h="100%">
          <Loader size="sm" />
        </Center>
      }
    >
      <RoleGraphView sessionId={session.id} />
    </Suspense>
  );
}
