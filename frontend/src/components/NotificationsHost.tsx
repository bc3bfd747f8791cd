import { Notifications, notificationsStore, useNotifications } from '@mantine/notifications';
import { useState } from 'react';
import { TOAST_Z_INDEX } from '../app/theme';

const POSITION = 'top-center';
const LIMIT = 4;

// Toasts shown before the container mounts queue in the store with these
// settings, the ones the container would give it.
notificationsStore.updateState((s) => ({ ...s, defaultPosition: POSITION, limit: LIMIT }));

/**
 * The toast container, mounted with the first toast: it renders a portal per
 * screen corner, work a start that shows no toast has no use for. Once
 * mounted it stays, so later toasts animate in as usual.
 */
export function NotificationsHost() {
  const { notifications, queue } = useNotifications();
  const [mounted, setMounted] = useState(false);
  // Adjusted while rendering (not in an effect), so the first toast shows in the same commit.
  if (!mounted && (notifications.length > 0 || queue.length > 0)) setMounted(true);
  return mounted ? <Notifications position={POSITION} limit={LIMIT} containerWidth={380} zIndex={TOAST_Z_INDEX} /> : null;
}
