import { Badge, Button, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconInbox } from '@tabler/icons-react';
import type { SessionInfo } from '../../api';
import { HOTKEYS } from '../../app/hotkeys';
import { shortcutLabel } from '../../components/shortcuts';
import { EditorsHost } from '../editors/EditorsHost';
import { describeChange } from './describe';
import classes from './PendingChangesButton.module.css';
import { PendingTray } from './PendingTray';
import { usePending } from './store';

/**
 * The workspace header's "Pending changes" button with its count, the tray
 * it opens (also with Mod+S), and the session's editor dialogs.
 */
export function PendingChangesButton({ session }: { session: SessionInfo }) {
  const items = usePending(session.id);
  const [opened, ctl] = useDisclosure(false);
  useHotkeys([[HOTKEYS.pendingChanges, ctl.toggle]], []);
  const destructive = items.some((i) => describeChange(i.change).destructive);
  return (
    <>
      <Tooltip label={`Review and apply queued changes (${shortcutLabel(HOTKEYS.pendingChanges)})`}>
        <Button
          variant={items.length ? 'light' : 'default'}
          color={items.length && destructive ? 'red' : undefined}
          leftSection={<IconInbox size={14} />}
          rightSection={
            items.length ? (
              <Badge key={items.length} className={classes.badge} size="sm" circle={items.length < 10} variant="filled" color={destructive ? 'red' : 'brand'} aria-label={`${items.length} pending`}>
                {items.length}
              </Badge>
            ) : undefined
          }
          onClick={ctl.open}
          aria-label={`Pending changes (${items.length})`}
        >
          Pending changes
        </Button>
      </Tooltip>
      <PendingTray session={session} opened={opened} onClose={ctl.close} />
      <EditorsHost session={session} />
    </>
  );
}
