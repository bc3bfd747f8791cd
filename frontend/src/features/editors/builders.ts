// Form state → typed changes. The dialogs hold plain form values; these pure
// functions decide which changes to queue (for edits: only what changed).
import type { Change, DefaultObjectType, PrincipalRef } from '../../api/changes';
import { passwordError } from './password';
import type { Engine } from './env';
import { diffSessionDefaults, parseConfig, sessionDefaultErrors, type SessionDefault } from './sessionDefaults';

export const SESSION_TIMEOUT_MIN = 60;
export const SESSION_TIMEOUT_MAX = 1728000;

/** How the password is handled: set one, disable it, none (PostgreSQL), keep as is (edit). */
export type PasswordMode = 'set' | 'disabled' | 'none' | 'keep';

export interface UserForm {
  name: string;
  passwordMode: PasswordMode;
  password: string;
  superuser: boolean;
  createDb: boolean;
  createRole: boolean;
  syslogUnrestricted: boolean;
  connectionUnlimited: boolean;
  connectionLimit: number | '';
  sessionTimeoutDefault: boolean;
  sessionTimeout: number | '';
  validNever: boolean;
  /** YYYY-MM-DD */
  validDate: string;
  /** HH:MM, optional */
  validTime: string;
  /** Redshift groups, at create. */
  groups: string[];
  /** Roles to grant; on PostgreSQL at create they become IN ROLE. */
  roles: string[];
  /** Redshift EXTERNALID of an identity-provider user ("" = none). */
  externalId: string;
  /** Session defaults (SET name TO value), as rows. */
  sessionDefaults: SessionDefault[];
}

/** The catalog's user attributes the edit form starts from. */
export interface UserAttrs {
  name: string;
  superuser: boolean;
  createDb: boolean;
  createRole: boolean;
  connectionLimit: number;
  sessionTimeout: number;
  syslogAccess: string;
  validUntil: string;
  passwordDisabled: boolean;
  externalId?: string;
  /** "name=value" session defaults as the catalog prints them. */
  config?: string[] | null;
}

export function emptyUserForm(): UserForm {
  return {
    name: '',
    passwordMode: 'set',
    password: '',
    superuser: false,
    createDb: false,
    createRole: false,
    syslogUnrestricted: false,
    connectionUnlimited: true,
    connectionLimit: '',
    sessionTimeoutDefault: true,
    sessionTimeout: '',
    validNever: true,
    validDate: '',
    validTime: '',
    groups: [],
    roles: [],
    externalId: '',
    sessionDefaults: [],
  };
}

/** Splits the server's printed expiry ("2027-06-30 00:00:00+00") into date and time fields. */
export function splitValidUntil(v: string): { never: boolean; date: string; time: string } {
  const t = v.trim();
  if (!t || /^infinity$/i.test(t)) return { never: true, date: '', time: '' };
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?/.exec(t);
  if (!m) return { never: true, date: '', time: '' };
  return { never: false, date: m[1], time: m[2] && m[2] !== '00:00' ? m[2] : '' };
}

export function userFormFromAttrs(u: UserAttrs): UserForm {
  const v = splitValidUntil(u.validUntil);
  return {
    name: u.name,
    passwordMode: 'keep',
    password: '',
    superuser: u.superuser,
    createDb: u.createDb,
    createRole: u.createRole,
    syslogUnrestricted: u.syslogAccess?.toUpperCase() === 'UNRESTRICTED',
    connectionUnlimited: u.connectionLimit < 0,
    connectionLimit: u.connectionLimit < 0 ? '' : u.connectionLimit,
    sessionTimeoutDefault: !u.sessionTimeout,
    sessionTimeout: u.sessionTimeout || '',
    validNever: v.never,
    validDate: v.date,
    validTime: v.time,
    groups: [],
    roles: [],
    externalId: u.externalId ?? '',
    sessionDefaults: parseConfig(u.config),
  };
}

/** The expiry as the backend takes it: "infinity", or "YYYY-MM-DD[ HH:MM:00]". */
export function validUntilValue(f: Pick<UserForm, 'validNever' | 'validDate' | 'validTime'>): string {
  if (f.validNever) return 'infinity';
  return f.validTime ? `${f.validDate} ${f.validTime}:00` : f.validDate;
}

export type UserFormErrors = Partial<Record<keyof UserForm, string>> & {
  /** Per session-default row (undefined: fine). */
  sessionDefaultRows?: (string | undefined)[];
};

/**
 * Checks a user form; mode says create or edit (orig is the edit's start).
 * now is injectable for tests.
 */
export function validateUserForm(
  f: UserForm,
  engine: Engine,
  opts: { mode: 'create' | 'edit'; orig?: UserForm; takenNames?: Set<string>; now?: Date; maxNameBytes?: number },
): UserFormErrors {
  const e: UserFormErrors = {};
  const name = f.name.trim();
  const renamed = opts.mode === 'edit' && opts.orig && name !== opts.orig.name;
  if (!name) e.name = 'Enter a user name.';
  else if (name.includes('\u0000')) e.name = 'A name cannot contain a NUL character.';
  else if (new TextEncoder().encode(name).length > (opts.maxNameBytes ?? (engine === 'redshift' ? 127 : 63)))
    e.name = `The name is longer than ${opts.maxNameBytes ?? (engine === 'redshift' ? 127 : 63)} bytes.`;
  else if (/^public$/i.test(name)) e.name = 'PUBLIC is reserved and cannot name a user.';
  else if ((opts.mode === 'create' || renamed) && opts.takenNames?.has(name)) e.name = `${name} already exists.`;
  if (f.passwordMode === 'set') {
    const pe = passwordError(f.password, engine);
    if (pe) e.password = pe;
  }
  // Only a password is lost on rename; a password-disabled user stays disabled.
  if (engine === 'redshift' && opts.mode === 'edit' && renamed && f.passwordMode === 'keep')
    e.password = 'Renaming clears the password on Redshift: enter a new one, or disable password login.';
  if (engine === 'redshift' && opts.mode === 'create' && f.passwordMode === 'none')
    e.password = 'Redshift needs a password or PASSWORD DISABLE.';
  if (engine === 'redshift' && f.passwordMode === 'disabled' && f.superuser)
    e.passwordMode = 'Redshift cannot disable the password of a superuser.';
  if (!f.connectionUnlimited) {
    if (f.connectionLimit === '' || !Number.isInteger(f.connectionLimit)) e.connectionLimit = 'Enter a whole number, or choose unlimited.';
    else if (f.connectionLimit < 0) e.connectionLimit = 'The connection limit cannot be negative.';
  }
  if (engine === 'redshift' && !f.sessionTimeoutDefault) {
    const t = f.sessionTimeout;
    if (t === '' || !Number.isInteger(t) || t < SESSION_TIMEOUT_MIN || t > SESSION_TIMEOUT_MAX)
      e.sessionTimeout = `Between ${SESSION_TIMEOUT_MIN} and ${SESSION_TIMEOUT_MAX.toLocaleString('en-US')} seconds (20 days).`;
  }
  const extChanged = f.externalId.trim() !== (opts.orig?.externalId ?? '');
  if (engine === 'redshift' && f.externalId.trim() && extChanged && f.passwordMode !== 'disabled')
    e.externalId = 'An identity-provider user signs in through its provider: disable password login.';
  if (engine === 'redshift' && opts.mode === 'edit' && opts.orig?.externalId && !f.externalId.trim())
    e.externalId = 'Redshift has no documented way to remove an external id.';
  const rowErrors = sessionDefaultErrors(f.sessionDefaults);
  if (rowErrors.some(Boolean)) {
    e.sessionDefaults = 'Fix the session defaults marked below.';
    e.sessionDefaultRows = rowErrors;
  }
  const validChanged = !opts.orig || opts.orig.validNever !== f.validNever || opts.orig.validDate !== f.validDate || opts.orig.validTime !== f.validTime;
  if (!f.validNever && validChanged) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.validDate)) e.validDate = 'Pick a date, or choose never.';
    else {
      const at = new Date(`${f.validDate}T${f.validTime || '00:00'}:00`);
      if (Number.isNaN(at.getTime())) e.validDate = 'Pick a valid date.';
      else if (at.getTime() <= (opts.now ?? new Date()).getTime()) e.validDate = 'The date is in the past: the password would already be expired.';
    }
  }
  return e;
}

/** create_user (plus role grants Redshift cannot put in CREATE USER). */
export function buildCreateUser(f: UserForm, engine: Engine): Change[] {
  const name = f.name.trim();
  const u: NonNullable<Change['user']> = { name };
  if (f.passwordMode === 'set') u.password = f.password;
  if (f.passwordMode === 'disabled') u.passwordDisabled = true;
  if (f.superuser) u.superuser = true;
  if (f.createDb) u.createDb = true;
  if (engine === 'postgres' && f.createRole) u.createRole = true;
  if (engine === 'redshift' && f.syslogUnrestricted) u.syslogAccess = 'UNRESTRICTED';
  if (!f.connectionUnlimited && f.connectionLimit !== '') u.connectionLimit = f.connectionLimit;
  if (engine === 'redshift' && !f.sessionTimeoutDefault && f.sessionTimeout !== '') u.sessionTimeout = f.sessionTimeout;
  if (!f.validNever) u.validUntil = validUntilValue(f);
  if (engine === 'redshift' && f.externalId.trim()) u.externalId = f.externalId.trim();
  const { setParameters } = diffSessionDefaults([], f.sessionDefaults);
  if (setParameters.length) u.setParameters = setParameters;
  const out: Change[] = [];
  if (engine === 'redshift') {
    if (f.groups.length) u.inGroups = [...f.groups];
    out.push({ kind: 'create_user', user: u });
    for (const r of f.roles) out.push({ kind: 'grant_role', member: { role: r, member: { kind: 'user', name } } });
  } else {
    if (f.roles.length) u.inGroups = [...f.roles];
    out.push({ kind: 'create_user', user: u });
  }
  return out;
}

/** alter_user with only the fields that differ from orig; [] when nothing changed. */
export function buildAlterUser(orig: UserForm, f: UserForm, engine: Engine): Change[] {
  const u: NonNullable<Change['user']> = { name: orig.name };
  let changed = false;
  const set = <K extends keyof typeof u>(k: K, v: (typeof u)[K]) => {
    u[k] = v;
    changed = true;
  };
  const name = f.name.trim();
  if (name && name !== orig.name) set('renameTo', name);
  if (f.passwordMode === 'set') set('password', f.password);
  if (f.passwordMode === 'disabled' && orig.passwordMode !== 'disabled') set('passwordDisabled', true);
  if (f.superuser !== orig.superuser) set('superuser', f.superuser);
  if (f.createDb !== orig.createDb) set('createDb', f.createDb);
  if (engine === 'postgres' && f.createRole !== orig.createRole) set('createRole', f.createRole);
  if (engine === 'redshift' && f.syslogUnrestricted !== orig.syslogUnrestricted) set('syslogAccess', f.syslogUnrestricted ? 'UNRESTRICTED' : 'RESTRICTED');
  const limit = (x: UserForm) => (x.connectionUnlimited || x.connectionLimit === '' ? -1 : x.connectionLimit);
  if (limit(f) !== limit(orig)) set('connectionLimit', limit(f));
  if (engine === 'redshift') {
    const timeout = (x: UserForm) => (x.sessionTimeoutDefault || x.sessionTimeout === '' ? 0 : x.sessionTimeout);
    if (timeout(f) !== timeout(orig)) set('sessionTimeout', timeout(f));
  }
  if (validUntilValue(f) !== validUntilValue(orig)) set('validUntil', validUntilValue(f));
  if (engine === 'redshift' && f.externalId.trim() && f.externalId.trim() !== orig.externalId) set('externalId', f.externalId.trim());
  const { setParameters, resetParameters } = diffSessionDefaults(orig.sessionDefaults, f.sessionDefaults);
  if (setParameters.length) set('setParameters', setParameters);
  if (resetParameters.length) set('resetParameters', resetParameters);
  return changed ? [{ kind: 'alter_user', user: u }] : [];
}

export interface RoleForm {
  name: string;
  owner: string;
  externalId: string;
}

export function buildCreateRole(f: RoleForm, engine: Engine): Change[] {
  const role: NonNullable<Change['role']> = { name: f.name.trim() };
  if (engine === 'redshift') {
    if (f.externalId.trim()) role.externalId = f.externalId.trim();
    if (f.owner) role.owner = f.owner;
  }
  return [{ kind: 'create_role', role }];
}

export function buildAlterRole(orig: RoleForm, f: RoleForm, engine: Engine): Change[] {
  const role: NonNullable<Change['role']> = { name: orig.name };
  let changed = false;
  if (f.name.trim() && f.name.trim() !== orig.name) {
    role.renameTo = f.name.trim();
    changed = true;
  }
  if (engine === 'redshift') {
    if (f.owner && f.owner !== orig.owner) {
      role.owner = f.owner;
      changed = true;
    }
    if (f.externalId.trim() && f.externalId.trim() !== orig.externalId) {
      role.externalId = f.externalId.trim();
      changed = true;
    }
  }
  return changed ? [{ kind: 'alter_role', role }] : [];
}

/**
 * A drop of a user, role or group. The backend queues before it the revokes
 * and ownership transfers that make it succeed; successor (users and roles)
 * takes over what the principal owns.
 */
export function buildDrop(principal: PrincipalRef, successor = ''): Change {
  const s = successor.trim();
  switch (principal.kind) {
    case 'user':
      return { kind: 'drop_user', user: s ? { name: principal.name, successor: s } : { name: principal.name } };
    case 'role':
      return { kind: 'drop_role', role: s ? { name: principal.name, successor: s } : { name: principal.name } };
    default:
      return { kind: 'drop_group', group: { name: principal.name } };
  }
}

export function buildCreateGroup(name: string, users: string[]): Change {
  return { kind: 'create_group', group: users.length ? { name: name.trim(), users: [...users] } : { name: name.trim() } };
}

/** Rename and membership diff of a group; [] when nothing changed. */
export function buildAlterGroup(origName: string, origUsers: string[], name: string, users: string[]): Change[] {
  const before = new Set(origUsers);
  const after = new Set(users);
  const add = users.filter((u) => !before.has(u));
  const drop = origUsers.filter((u) => !after.has(u));
  const out: Change[] = [];
  // Members first, under the old name; the rename last.
  if (add.length || drop.length) {
    const g: NonNullable<Change['group']> = { name: origName };
    if (add.length) g.addUsers = add;
    if (drop.length) g.dropUsers = drop;
    out.push({ kind: 'alter_group', group: g });
  }
  if (name.trim() && name.trim() !== origName) out.push({ kind: 'alter_group', group: { name: origName, renameTo: name.trim() } });
  return out;
}

export interface MembershipRow {
  role: string;
  adminOption: boolean;
}

/**
 * Grants and revokes that turn the member's current role memberships into
 * the wanted ones: new roles are granted (with admin option when asked),
 * removed ones revoked; an admin option added is granted again WITH ADMIN
 * OPTION, one taken away is revoked alone (REVOKE ADMIN OPTION FOR).
 */
export function buildMembershipChanges(member: PrincipalRef, current: MembershipRow[], wanted: MembershipRow[]): Change[] {
  const cur = new Map(current.map((m) => [m.role, m.adminOption]));
  const want = new Map(wanted.map((m) => [m.role, m.adminOption]));
  const out: Change[] = [];
  for (const [role, admin] of cur) {
    if (!want.has(role)) out.push({ kind: 'revoke_role', member: { role, member } });
    else if (admin && !want.get(role)) out.push({ kind: 'revoke_role', member: { role, member, adminOption: true } });
  }
  for (const [role, admin] of want) {
    if (!cur.has(role)) out.push({ kind: 'grant_role', member: admin ? { role, member, adminOption: true } : { role, member } });
    else if (admin && !cur.get(role)) out.push({ kind: 'grant_role', member: { role, member, adminOption: true } });
  }
  return out;
}

/** Grants for added and revokes for removed system permissions. */
export function buildSystemChanges(role: string, current: string[], wanted: string[]): Change[] {
  const cur = new Set(current);
  const want = new Set(wanted);
  const add = wanted.filter((p) => !cur.has(p));
  const drop = current.filter((p) => !want.has(p));
  const out: Change[] = [];
  if (add.length) out.push({ kind: 'grant_system_privileges', system: { role, privileges: add } });
  if (drop.length) out.push({ kind: 'revoke_system_privileges', system: { role, privileges: drop } });
  return out;
}

export interface DefaultForm {
  action: 'grant' | 'revoke';
  creator: PrincipalRef;
  /** "" = database-wide */
  schema: string;
  objectType: DefaultObjectType;
  privileges: string[];
  grantee: PrincipalRef;
  grantOption: boolean;
}

export function buildDefaultChange(f: DefaultForm): Change {
  return {
    kind: f.action === 'grant' ? 'grant_default_privileges' : 'revoke_default_privileges',
    default: {
      creator: f.creator,
      ...(f.schema ? { schema: f.schema } : {}),
      objectType: f.objectType,
      privileges: [...f.privileges],
      grantee: f.grantee,
      ...(f.grantOption && f.action === 'grant' ? { grantOption: true } : {}),
    },
  };
}
