import { CloseButton } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { HOTKEYS } from '../../app/hotkeys';
import { ColorDot } from '../../components/ColorDot';
import { shortcutLabel } from '../../components/shortcuts';
import { Tip } from '../../components/Tip';
import { useConnections } from '../connections/ConnectionsProvider';
import { useSessions } from './SessionsProvider';
import classes from './SessionTabs.module.css';

/** Open sessions as tabs in the header; the same profile may be open twice. */
export function SessionTabs() {
  const { sessions, active, activate, disconnect } = useSessions();
  const { profiles } = useConnections();
  if (!sessions.length) return null;
  const seen = new Map<string, number>();

  return (
    <div className={classes.strip} role="tablist" aria-label="Open sessions">
      {sessions.map((s, i) => {
        const p = profiles.find((x) => x.id === s.profileId);
        const n = (seen.get(s.profileId) ?? 0) + 1;
        seen.set(s.profileId, n);
        const label = `${s.profileName || s.server.host}${n > 1 ? ` (${n})` : ''}`;
        const isActive = active?.id === s.id;
        return (
          <Tip
            key={s.id}
            label={`${s.server.version} · ${s.server.user}@${s.server.host}/${s.server.database}${i < 9 ? ` · ${shortcutLabel(`mod+${i + 1}`)}` : ''}`}
          >
            <div
              role="tab"
              tabIndex={0}
              aria-selected={isActive}
              className={classes.tab}
              data-active={isActive || undefined}
              onClick={() => activate(s.id)}
              onKeyDown={(e) => e.key === 'Enter' && activate(s.id)}
              onAuxClick={(e) => e.button === 1 && void disconnect(s.id)}
            >
              <ColorDot color={p?.color} size={8} />
              <span className={classes.label}>{label}</span>
              {s.readOnly && <IconLock size={12} color={p?.color || 'var(--mantine-color-orange-6)'} aria-label="Read-only" />}
              <CloseButton
                size="xs"
                aria-label={`Disconnect ${label}`}
                title={`Disconnect (${shortcutLabel(HOTKEYS.disconnect)})`}
                onClick={(e) => {
                  e.stopPropagation();
                  void disconnect(s.id);
                }}
              />
            </div>
          </Tip>
        );
      })}
    </div>
  );
}
