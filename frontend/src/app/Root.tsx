import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { NotificationsHost } from '../components/NotificationsHost';
import { ConnectionsProvider } from '../features/connections/ConnectionsProvider';
import { SessionsProvider } from '../features/sessions/SessionsProvider';
import { App } from './App';
import { theme } from './theme';

// The theme choice is a UI preference, not a secret: localStorage is fine.
// index.html reads it under this key too (to match a saved first screen).
export const COLOR_SCHEME_KEY = 'rsmate-color-scheme';
export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });

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
