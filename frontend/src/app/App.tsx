import { ActionIcon, AppShell, Center, Group, Loader, Text, useMantineColorScheme } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useEffect } from 'react';
import { IconInfoCircle, IconKeyboard } from '@tabler/icons-react';
import { Logo } from '../components/Logo';
import { shortcutLabel } from '../components/shortcuts';
import { Tip } from '../components/Tip';
import { part } from '../components/part';
import { WhenOpened } from '../components/WhenOpened';
import { ConnectionsSidebar } from '../features/connections/ConnectionsSidebar';
import { useConnections } from '../features/connections/ConnectionsProvider';
import { SessionTabs } from '../features/sessions/SessionTabs';
import { useSessions } from '../features/sessions/SessionsProvider';
import { StatusBar } from '../features/sessions/StatusBar';
import { nextScheme, ThemeSwitch } from '../features/settings/ThemeSwitch';
import { Welcome } from '../features/workspace/Welcome';
import { HOTKEYS } from './hotkeys';
import { loadIdleParts, loadWhenIdle, reportPainted } from './reportPainted';

// The welcome screen is all a start shows: the workspace (catalog, editors,
// pending changes) and the dialogs load on first use, or once the window is idle.
const loadWorkspace = loadWhenIdle(() => import('../features/workspace/Workspace'));
const Workspace = lazy(() => loadWorkspace().then((m) => ({ default: m.Workspace })));
const AboutDialog = lazy(() => import('../features/about/AboutDialog').then((m) => ({ default: m.AboutDialog })));
const profileForm = part(() => import('../features/connections/ProfileFormModal').then((m) => m.ProfileFormModal));
const ShortcutsHelp = lazy(() => import('./ShortcutsHelp').then((m) => ({ default: m.ShortcutsHelp })));

export function App() {
  const conns = useConnections();
  const sess = useSessions();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [help, helpCtl] = useDisclosure(false);
  const [about, aboutCtl] = useDisclosure(false);

  // The first screen is complete once the saved connections are listed.
  useEffect(() => {
    if (conns.loading) return;
    reportPainted();
    loadIdleParts();
  }, [conns.loading]);

  // Shortcuts that act on the list or sessions stay quiet while a dialog is open.
  const when = (fn: () => void) => () => {
    if (!document.querySelector('[role="dialog"]')) fn();
  };
  useHotkeys(
    [
      [HOTKEYS.newConnection, when(conns.openNew)],
      [HOTKEYS.search, when(() => conns.searchRef.current?.focus())],
      [HOTKEYS.connect, when(() => conns.selected && void sess.connect(conns.selected))],
      [HOTKEYS.edit, when(() => conns.selected && conns.openEdit(conns.selected))],
      [HOTKEYS.disconnect, when(() => sess.active && void sess.disconnect(sess.active.id))],
      [HOTKEYS.theme, () => setColorScheme(nextScheme(colorScheme))],
      [HOTKEYS.help, helpCtl.toggle],
      [HOTKEYS.about, aboutCtl.toggle],
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(
        (n) => [`mod+${n}`, when(() => sess.sessions[n - 1] && sess.activate(sess.sessions[n - 1].id))] as [string, () => void],
      ),
    ],
    // Every shortcut has a modifier, so they may fire from inside text fields too.
    [],
  );

  return (
    <AppShell
      header={{ height: 46 }}
      navbar={{ width: 292, breakpoint: 0 }}
      footer={{ height: 28 }}
      padding={0}
      styles={{
        header: { background: 'var(--app-header-bg)', borderColor: 'var(--app-border)' },
        navbar: { background: 'var(--app-sidebar-bg)', borderColor: 'var(--app-border)' },
        footer: { background: 'var(--app-statusbar-bg)', borderColor: 'var(--app-border)' },
        main: { background: 'var(--app-main-bg)' },
      }}
    >
      <AppShell.Header>
        <Group h="100%" wrap="nowrap" gap={0}>
          <Group gap={9} px="sm" w={292} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Logo size={24} />
            <Text fw={700} size="sm" style={{ letterSpacing: '-0.01em' }}>
              Redshift Mate
            </Text>
          </Group>
          <div style={{ flex: 1, minWidth: 0, height: '100%', paddingLeft: 8 }}>
            <SessionTabs />
          </div>
          <Group gap={4} px="sm" wrap="nowrap">
            <Tip label={`Keyboard shortcuts (${shortcutLabel(HOTKEYS.help)})`}>
              <ActionIcon aria-label="Keyboard shortcuts" size="md" onClick={helpCtl.open}>
                <IconKeyboard size={17} />
              </ActionIcon>
            </Tip>
            <Tip label={`About Redshift Mate (${shortcutLabel(HOTKEYS.about)})`}>
              <ActionIcon aria-label="About Redshift Mate" size="md" onClick={aboutCtl.open}>
                <IconInfoCircle size={17} />
              </ActionIcon>
            </Tip>
            <ThemeSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <ConnectionsSidebar />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ flex: 1, minHeight: 0 }}>
          {sess.active ? (
            <Suspense fallback={<PaneLoader />}>
              <Workspace session={sess.active} />
            </Suspense>
          ) : (
            <Welcome />
          )}
        </div>
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
      <WhenOpened opened={conns.editor.opened} part={profileForm}>
        {(ProfileFormModal) => <ProfileFormModal />}
      </WhenOpened>
      <Suspense>
        {help && <ShortcutsHelp opened onClose={helpCtl.close} />}
        {about && <AboutDialog opened onClose={aboutCtl.close} />}
      </Suspense>
    </AppShell>
  );
}

/** Shown for the moment the workspace's code takes to load. */
function PaneLoader() {
  return (
    <Center h="100%">
      <Loader size="sm" aria-label="Loading" />
    </Center>
  );
}
