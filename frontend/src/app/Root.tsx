import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { NotificationsHost } from '../components/NotificationsHost';
import { ConnectionsProvider } from '../features/connections/ConnectionsProvider';
import { SessionsProvider } from '../features/sessions/SessionsProvider';
import { App } from './App';
import { theme } from './theme';

// The theme choice is a UI preference, not a secret: localStorage is fine.
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'rsmate-color-scheme' });

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <NotificationsHost />
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
