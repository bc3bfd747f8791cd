import type { Engine, Profile, ProfileView } from '../../api';
import { DEFAULT_PORT, DEFAULT_SSL, newProfile } from './defaults';

/** The form's values: numbers may be mid-edit strings until saved. */
export interface FormValues extends Omit<Profile, 'port' | 'connectTimeoutSec'> {
  port: number | string;
  connectTimeoutSec: number | string;
}

export function toFormValues(p: ProfileView | Profile | null): FormValues {
  const base = p ?? newProfile();
  return { ...newProfile(base.engine), ...stripView(base), caFile: base.caFile ?? '', color: base.color ?? '' };
}

function stripView(p: Profile | ProfileView): Profile {
  const { hasPassword: _, ...rest } = p as ProfileView;
  return rest;
}

function num(v: number | string): number {
  if (typeof v === 'number') return v;
  const t = v.trim();
  return t === '' ? NaN : Number(t);
}

export function toProfile(v: FormValues): Profile {
  return {
    ...v,
    name: v.name.trim(),
    host: v.host.trim(),
    database: v.database.trim(),
    user: v.user.trim(),
    port: num(v.port),
    connectTimeoutSec: num(v.connectTimeoutSec),
    caFile: v.caFile?.trim() ?? '',
    color: v.color ?? '',
  };
}

const DEFAULT_DB: Record<Engine, string> = { redshift: 'dev', postgres: 'postgres' };

/**
 * Switches engine: the port follows the engine's default unless the user set
 * it; the database and SSL mode too while they hold the other engine's default.
 */
export function switchEngine(v: FormValues, engine: Engine, portTouched: boolean): FormValues {
  if (engine === v.engine) return v;
  const next = { ...v, engine };
  if (!portTouched) next.port = DEFAULT_PORT[engine];
  if (v.database === DEFAULT_DB[v.engine]) next.database = DEFAULT_DB[engine];
  // The SSL mode follows too while it is the other engine's untouched default.
  if (v.sslMode === DEFAULT_SSL[v.engine] && !v.caFile?.trim()) next.sslMode = DEFAULT_SSL[engine];
  return next;
}

/** A port counts as "set by the user" when it differs from the engine's default. */
export function portIsCustom(v: FormValues): boolean {
  return num(v.port) !== DEFAULT_PORT[v.engine];
}

const FILLABLE: (keyof Profile)[] = ['name', 'engine', 'host', 'port', 'database', 'user', 'sslMode', 'caFile', 'connectTimeoutSec'];

const FIELD_NAMES: Partial<Record<keyof Profile, string>> = {
  engine: 'engine',
  host: 'host',
  port: 'port',
  database: 'database',
  user: 'user',
  sslMode: 'SSL mode',
  caFile: 'CA file',
  connectTimeoutSec: 'timeout',
  name: 'name',
};

/** Copies parsed[k] into the form unless the parser left it empty; true when copied. */
function takeField<K extends keyof Profile>(next: FormValues, parsed: Partial<Profile>, k: K): boolean {
  const val = parsed[k];
  if (val === undefined || val === null || val === '' || val === 0) return false;
  next[k] = val;
  return true;
}

/**
 * Merges what a pasted URL yielded into the form: only fields the parser
 * returned (non-empty) are taken; everything else stays as it was.
 */
export function applyParsed(
  v: FormValues,
  parsed: Partial<Profile>,
  portTouched: boolean,
): { values: FormValues; filled: string[]; portTouched: boolean } {
  let next: FormValues = { ...v };
  const filled: string[] = [];
  let touched = portTouched;
  if (parsed.engine === 'redshift' || parsed.engine === 'postgres') {
    next = switchEngine(next, parsed.engine, touched || !!parsed.port);
    if (parsed.engine !== v.engine) filled.push(FIELD_NAMES.engine!);
  }
  for (const k of FILLABLE) {
    if (k === 'engine' || !takeField(next, parsed, k)) continue;
    filled.push(FIELD_NAMES[k] ?? k);
    if (k === 'port') touched = true;
  }
  // An IAM URL (jdbc:redshift:iam://) brings its authentication settings.
  if (parsed.auth && parsed.auth.method !== 'password') {
    next.auth = { ...parsed.auth };
    filled.push('authentication');
  }
  // A name helps the sidebar; derive one from the host when the form has none.
  if (!next.name.trim() && !parsed.name && parsed.host) {
    next.name = parsed.host.split('.')[0];
    filled.push('name');
  }
  return { values: next, filled, portTouched: touched };
}

/** Whether a pasted URL carried a password (which is never taken from it). */
export function urlHasPassword(text: string): boolean {
  return /^[a-z:]*\/\/[^/@\s]*:[^/@\s]*@/i.test(text.trim());
}

/** Fields that decide where a password goes and how the server is checked. */
const TARGET_FIELDS = ['host', 'port', 'user', 'database', 'sslMode', 'caFile'] as const;

/**
 * Whether the form points somewhere other than the saved profile. The backend
 * sends a saved password only to the saved server; the form says so up front.
 */
export function targetChanged(saved: Profile, v: FormValues): boolean {
  const now = toProfile(v);
  const norm = (k: (typeof TARGET_FIELDS)[number], p: Profile) => {
    const x = p[k] ?? '';
    return k === 'host' ? String(x).trim().toLowerCase() : typeof x === 'string' ? x.trim() : x;
  };
  return TARGET_FIELDS.some((k) => norm(k, saved) !== norm(k, now));
}
