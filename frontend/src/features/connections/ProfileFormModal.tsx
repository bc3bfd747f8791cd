import { Center, Group, Loader, Modal, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { IconDatabasePlus, IconPencil } from '@tabler/icons-react';
import { useConnections, useKeychain } from './ConnectionsProvider';
import { useSessions } from '../sessions/SessionsProvider';
import { notifyInfo, notifySuccess } from '../../components/notify';

// The form (validation, auth and SSH sections) loads when first opened.
const ProfileForm = lazy(() => import('./ProfileForm').then((m) => ({ default: m.ProfileForm })));

export function ProfileFormModal() {
  const { editor, closeEditor, reload, select } = useConnections();
  const keychain = useKeychain();
  const { connect } = useSessions();
  const p = editor.profile;
  const editing = !!p?.id;
  return (
    <Modal
      opened={editor.opened}
      onClose={closeEditor}
      size={680}
      styles={{ body: { padding: 0 } }}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={
        <Group gap="xs">
          {editing ? <IconPencil size={16} /> : <IconDatabasePlus size={16} />}
          <Text fw={600}>{editing ? `Edit connection` : 'New connection'}</Text>
          {editing && (
            <Text c="dimmed" size="sm">
              {p?.name}
            </Text>
          )}
        </Group>
      }
    >
      {editor.opened && (
        <Suspense
          fallback={
            <Center p="xl">
              <Loader size="sm" aria-label="Loading" />
            </Center>
          }
        >
          <ProfileForm
            // A fresh form per opened profile: no state leaks between edits.
            key={p?.id ?? 'new'}
            initial={p}
            keychainAvailable={keychain?.available ?? true}
            onCancel={closeEditor}
            onSaved={async (saved, r) => {
              closeEditor();
              await reload();
              select(saved.id);
              if (saved.passwordForgotten) {
                notifyInfo('Saved password forgotten', `${saved.name} now points at another server; a saved password goes only to the server it was saved for. Type it when you connect.`);
              }
              if (r.connect) await connect(saved, r.password);
              else notifySuccess(editing ? 'Connection saved' : 'Connection created', saved.name);
            }}
          />
        </Suspense>
      )}
    </Modal>
  );
}
