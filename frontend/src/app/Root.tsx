import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { ConnectionsProvider } from '../features/connections/ConnectionsProvider';
import { SessionsProvider } from '../features/sessions/SessionsProvider';
import { App } from './App';
import { TOAST_Z_INDEX, theme } from './theme';

// The theme choice is a UI preference, not a secret: localStorage is fine.
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'rsmate-color-scheme' });

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <Notifications position="top-center" limit={4} containerWidth={380} zIndex={TOAST_Z_INDEX} />
      <ConnectionsProvider>
        <SessionsProvider>{children}</SessionsProvider>
      </ConnectionsProvider>
    </MantineProvider>
  );
}

export function Root() {
  return (
    <Providers>
      <App />
    </Providers>
  );
}
