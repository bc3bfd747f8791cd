import { notificationsStore, useNotifications } from '@mantine/notifications';
import { useState, type ComponentProps, type ComponentType } from 'react';
import { TOAST_Z_INDEX } from '../app/theme';
import { part, WithPart } from './part';

const POSITION = 'top-center';
const LIMIT = 4;

// Toasts shown before the container mounts queue in the store with these
// settings, the ones the container would give it.
notificationsStore.updateState((s) => ({ ...s, defaultPosition: POSITION, limit: LIMIT }));

// The container's code (toasts, their transitions) loads with the first toast,
// or once the window is idle after the first screen.
const container = part(() => import('./ToastContainer').then((m) => m.default as ComponentType<ComponentProps<typeof m.default>>));

/**
 * The toast container, mounted with the first toast: it renders a portal per
 * screen corner, work a start that shows no toast has no use for. Once
 * mounted it stays, so later toasts animate in as usual.
 */
export function NotificationsHost() {
  const { notifications, queue } = useNotifications();
  const [mounted, setMounted] = useState(false);
  // Adjusted while rendering (not in an effect), so the first toast shows as soon as the container's code is in.
  if (!mounted && (notifications.length > 0 || queue.length > 0)) setMounted(true);
  return mounted ? (
    <WithPart part={container} when>
      {(Notifications) => <Notifications position={POSITION} limit={LIMIT} containerWidth={380} zIndex={TOAST_Z_INDEX} />}
    </WithPart>
  ) : null;
}
