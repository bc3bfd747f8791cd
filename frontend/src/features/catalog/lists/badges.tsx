import { Badge, type BadgeProps } from '@mantine/core';
import type { IdentityType, User } from '../../../api';
import { IDENTITY_COLOR, IDENTITY_DESCRIPTION, IDENTITY_LABEL, fmtDate, parseServerTime, passwordExpiry, relativeTime } from '../format';

const small: BadgeProps = { size: 'xs', radius: 'sm', variant: 'light', style: { flexShrink: 0 } };

export function SuperuserBadge(props: BadgeProps) {
  return (
    <Badge {...small} color="grape" variant="filled" title="Superuser: bypasses every privilege check" {...props}>
      superuser
    </Badge>
  );
}

export function IdentityBadge({ identity, ...props }: { identity: IdentityType } & BadgeProps) {
  return (
    <Badge {...small} color={IDENTITY_COLOR[identity] ?? 'gray'} title={IDENTITY_DESCRIPTION[identity]} {...props}>
      {IDENTITY_LABEL[identity] ?? identity}
    </Badge>
  );
}

export function SystemBadge(props: BadgeProps) {
  return (
    <Badge {...small} color="grape" title="Managed by the service: not meant to be changed" {...props}>
      system
    </Badge>
  );
}

/** "expired" / "expires soon" for a password validity; nothing when fine. */
export function ExpiryBadge({ validUntil, now, ...props }: { validUntil: string; now?: Date } & BadgeProps) {
  const e = passwordExpiry(validUntil, now);
  if (e !== 'expired' && e !== 'expiring') return null;
  const d = parseServerTime(validUntil);
  const when = d ? `${fmtDate(d)} (${relativeTime(d, now)})` : validUntil;
  return (
    <Badge {...small} color={e === 'expired' ? 'red' : 'yellow'} title={`Password valid until ${when}`} {...props}>
      {e === 'expired' ? 'password expired' : 'expires soon'}
    </Badge>
  );
}

/** The badges a user row carries: what stands out about it. */
export function UserBadges({ user, now }: { user: Pick<User, 'identity'> & Partial<Pick<User, 'superuser' | 'passwordDisabled' | 'validUntil'>>; now?: Date }) {
  return (
    <>
      {user.superuser && <SuperuserBadge />}
      {user.identity !== 'local' && <IdentityBadge identity={user.identity} />}
      {user.passwordDisabled && (
        <Badge {...small} color="gray" title="PASSWORD DISABLE: cannot sign in with a password">
          no password
        </Badge>
      )}
      <ExpiryBadge validUntil={user.validUntil ?? ''} now={now} />
    </>
  );
}
