import type { Profile } from '../../api';
import { needsUser, usesIAM } from './auth';

// Mirrors the backend's profile.Validate so the form can say what is wrong
// before any round trip. The backend still validates: this is a courtesy.

export type ProfileErrors = Partial<Record<keyof Profile, string>>;

export const LIMITS = {
  nameMax: 100,
  // Byte limits, as the backend's profile.CheckLengths enforces them.
  hostMaxBytes: 255,
  databaseMaxBytes: 127,
  userMaxBytes: 127,
  caFileMaxBytes: 4096,
  passwordMaxBytes: 1024,
  portMin: 1,
  portMax: 65535,
  timeoutMin: 1,
  timeoutMax: 300,
} as const;

const SSL = ['disable', 'require', 'verify-ca', 'verify-full'];

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

export function validateProfile(p: Profile): ProfileErrors {
  const e: ProfileErrors = {};
  const name = p.name.trim();
  if (!name) e.name = 'Name is required';
  else if ([...name].length > LIMITS.nameMax) e.name = `Name must be at most ${LIMITS.nameMax} characters`;

  if (p.engine !== 'redshift' && p.engine !== 'postgres') e.engine = 'Choose Redshift or PostgreSQL';

  const hostErr = validateHost(p.host);
  if (hostErr) e.host = hostErr;

  if (!isWholeNumber(p.port) || p.port < LIMITS.portMin || p.port > LIMITS.portMax)
    e.port = `Port must be a whole number from ${LIMITS.portMin} to ${LIMITS.portMax}`;

  if (!p.database.trim()) e.database = 'Database is required';
  else if (byteLength(p.database) > LIMITS.databaseMaxBytes)
    e.database = `Database must be at most ${LIMITS.databaseMaxBytes} bytes`;
  if (!p.user.trim()) {
    if (needsUser(p)) e.user = 'User is required';
  }
  else if (byteLength(p.user) > LIMITS.userMaxBytes) e.user = `User must be at most ${LIMITS.userMaxBytes} bytes`;
  if (p.caFile && byteLength(p.caFile) > LIMITS.caFileMaxBytes)
    e.caFile = `The CA file path must be at most ${LIMITS.caFileMaxBytes} bytes`;

  if (!SSL.includes(p.sslMode)) e.sslMode = 'Choose an SSL mode';

  if (p.caFile?.trim() && p.sslMode === 'disable')
    e.caFile = 'A CA file needs SSL mode require, verify-ca or verify-full, not disable';

  if (
    !isWholeNumber(p.connectTimeoutSec) ||
    p.connectTimeoutSec < LIMITS.timeoutMin ||
    p.connectTimeoutSec > LIMITS.timeoutMax
  )
    e.connectTimeoutSec = `Connect timeout must be ${LIMITS.timeoutMin} to ${LIMITS.timeoutMax} seconds`;

  if (p.color && !/^#[0-9a-fA-F]{6}$/.test(p.color)) e.color = 'Colour must look like #3b5bdb';
  if (usesIAM(p)) {
    if (p.engine !== 'redshift') e.auth = 'IAM authentication is only for Redshift connections';
    const d = p.auth?.durationSec;
    if (d && (!isWholeNumber(d) || d < 900 || d > 3600)) e.auth = 'The credential duration must be 900 to 3600 seconds';
  }
  return e;
}

/** UTF-8 length, which is what the backend's limits count. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

export function hasErrors(e: ProfileErrors): boolean {
  return Object.keys(e).length > 0;
}

function isIP(h: string): boolean {
  return /^(\d{1,3}\.){3}\d{1,3}$/.test(h) || (/^[0-9a-fA-F:.]+$/.test(h) && h.split(':').length > 2);
}

export function validateHost(raw: string): string | undefined {
  let h = raw.trim();
  // IPv6 as typed in URLs: the backend strips the brackets too.
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (!h) return 'Host is required';
  if (byteLength(h) > LIMITS.hostMaxBytes) return `Host must be at most ${LIMITS.hostMaxBytes} bytes`;
  if (h.includes('://')) return 'Enter only the host name; paste whole URLs into "Paste a connection URL"';
  if (/[\s\x00-\x1f\x7f]/.test(h)) return 'Host must not contain spaces';
  if (/[/?@[\]]/.test(h)) return 'Enter only the host name, without user, port, database or options';
  if (h.includes(':') && !isIP(h)) return 'Enter only the host name; put the port in the Port field';
  return undefined;
}
