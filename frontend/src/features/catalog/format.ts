// Pure formatting of catalog values for display.
import type { CatalogSummary, IdentityType, ObjectRef, PrincipalRef, RelationKind, Vocabulary } from '../../api';

const nf = new Intl.NumberFormat('en-US');

/** 1234 → "1,234". */
export const fmtCount = (n: number) => nf.format(n);

/** "1 user" / "1,234 users". */
export function plural(n: number, one: string, many = `${one}s`) {
  return `${fmtCount(n)} ${n === 1 ? one : many}`;
}

export const IDENTITY_LABEL: Record<IdentityType, string> = {
  local: 'Local',
  iam: 'IAM',
  iam_role: 'IAM role',
  idc: 'IdC',
  system: 'System',
};

export const IDENTITY_DESCRIPTION: Record<IdentityType, string> = {
  local: 'Local user with a password managed by the database',
  iam: 'IAM user (IAM: prefix), signs in with temporary IAM credentials',
  iam_role: 'IAM role (IAMR: prefix), Redshift Serverless or role-based sign-in',
  idc: 'User from an identity provider namespace (IAM Identity Center)',
  system: 'System principal managed by the service; do not change it',
};

export const IDENTITY_COLOR: Record<IdentityType, string> = {
  local: 'gray',
  iam: 'orange',
  iam_role: 'yellow',
  idc: 'cyan',
  system: 'grape',
};

export function connectionLimit(n: number): string {
  return n < 0 ? 'unlimited' : n === 0 ? 'none (0)' : fmtCount(n);
}

/** Seconds to "1 h 30 min"; 0 is the cluster default. */
export function sessionTimeout(sec: number): string {
  if (!sec) return 'cluster default';
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const parts = [h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean);
  return `${parts.join(' ')} (${fmtCount(sec)} s)`;
}

/**
 * Parses a timestamp as PostgreSQL or Redshift print it
 * ("2027-06-30 00:00:00+00", "2027-06-30 02:00:00+02", "2027-06-30 00:00:00",
 * "infinity"). Returns null for "never" and undefined when unreadable.
 */
export function parseServerTime(s: string): Date | null | undefined {
  const t = s.trim();
  if (!t || /^infinity$/i.test(t)) return null;
  const m = t.match(/^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i);
  if (!m) return undefined;
  const time = m[2] ?? '00:00:00';
  let zone = m[3] ?? 'Z';
  if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const d = new Date(`${m[1]}T${time}${zone.toUpperCase()}`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export type PasswordExpiry = 'never' | 'valid' | 'expiring' | 'expired' | 'unknown';

/** Days before expiry that count as "expiring". */
export const EXPIRING_DAYS = 30;

export function passwordExpiry(validUntil: string, now: Date = new Date()): PasswordExpiry {
  const d = parseServerTime(validUntil);
  if (d === null) return 'never';
  if (d === undefined) return 'unknown';
  const ms = d.getTime() - now.getTime();
  if (ms <= 0) return 'expired';
  return ms <= EXPIRING_DAYS * 86400_000 ? 'expiring' : 'valid';
}

/** "in 3 days", "5 months ago". */
export function relativeTime(d: Date, now: Date = new Date()): string {
  const diff = d.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const units: [number, string][] = [
    [365 * 86400_000, 'year'],
    [30 * 86400_000, 'month'],
    [86400_000, 'day'],
    [3600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [ms, unit] of units) {
    if (abs >= ms) {
      const n = Math.round(abs / ms);
      const txt = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return diff >= 0 ? `in ${txt}` : `${txt} ago`;
    }
  }
  return diff >= 0 ? 'in less than a minute' : 'just now';
}

/** "30 Jun 2027, 00:00 UTC" — dates read the same in every locale of a team. */
export function fmtDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${d.getUTCDate()} ${mon} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export const RELATION_LABEL: Record<string, string> = {
  table: 'Table',
  view: 'View',
  materialized_view: 'Materialized view',
  late_binding_view: 'Late-binding view',
  external_table: 'External table',
  partitioned_table: 'Partitioned table',
  foreign_table: 'Foreign table',
  sequence: 'Sequence',
  function: 'Function',
  procedure: 'Procedure',
};

export const OBJECT_KIND_LABEL: Record<string, string> = {
  database: 'Database',
  schema: 'Schema',
  table: 'Table',
  column: 'Column',
  function: 'Function',
  procedure: 'Procedure',
  language: 'Language',
};

export function isViewKind(k: RelationKind | string): boolean {
  return k === 'view' || k === 'materialized_view' || k === 'late_binding_view';
}

/** How a principal reads in prose and chips. */
export function principalLabel(p: PrincipalRef): string {
  return p.kind === 'public' ? 'PUBLIC' : p.name;
}

export const PRINCIPAL_KIND_LABEL: Record<string, string> = { user: 'User', role: 'Role', group: 'Group', public: 'Everyone' };

export function principalKey(p: PrincipalRef): string {
  return `${p.kind}:${p.name}`;
}

export function samePrincipal(a: PrincipalRef | null | undefined, b: PrincipalRef | null | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.name === b.name;
}

/** An object's name without its schema: "orders", "order_total(bigint)", "salaries.name". */
export function objectShortName(o: ObjectRef): string {
  switch (o.kind) {
    case 'database':
    case 'language':
      return o.name ?? '';
    case 'schema':
      return o.schema ?? '';
    case 'function':
    case 'procedure':
      return `${o.name}(${o.args ?? ''})`;
    case 'column':
      return `${o.name}.${o.column}`;
    default:
      return o.name ?? '';
  }
}

/** Qualified: "sales.orders", "finance.close_period(integer, integer)". */
export function objectFullName(o: ObjectRef): string {
  if (o.kind === 'database' || o.kind === 'language' || o.kind === 'schema' || o.kind === 'datashare') return objectShortName(o);
  return `${o.schema}.${objectShortName(o)}`;
}

/** A stable key for an object (columns fold into their relation with the column). */
export function objectKey(o: ObjectRef): string {
  return [o.kind, o.schema ?? '', o.name ?? '', o.args ?? '', o.column ?? ''].join('\u001f');
}

/**
 * Every privilege keyword of the session's vocabulary in display order: the
 * privileges of the kinds inside a schema (tables first) as the backend lists
 * them, then those of the other kinds, default-privilege types and system
 * permissions. Privileges it does not know sort last, by name.
 */
export function privilegeOrder(v: Vocabulary | null | undefined): string[] {
  const out: string[] = [];
  const add = (p: string) => out.includes(p) || out.push(p);
  const kinds = v?.kinds ?? [];
  for (const k of [...kinds.filter((x) => x.parent === 'schema'), ...kinds.filter((x) => x.parent !== 'schema')]) k.privileges.forEach((p) => add(p.name));
  for (const d of v?.defaults ?? []) d.privileges.forEach(add);
  for (const g of v?.system ?? []) g.items.forEach(add);
  for (const [alias, p] of Object.entries(v?.aliases ?? {})) if (out.includes(p)) out.splice(out.indexOf(p) + 1, 0, alias);
  return out;
}

export function privilegeRank(p: string, order: readonly string[]): number {
  const i = order.indexOf(p.toUpperCase());
  return i < 0 ? order.length : i;
}

export function sortPrivileges<T extends { privilege: string }>(list: T[], order: readonly string[]): T[] {
  return [...list].sort((a, b) => privilegeRank(a.privilege, order) - privilegeRank(b.privilege, order) || a.privilege.localeCompare(b.privilege));
}

/** What the connected engine shows; derived once from the summary. */
export interface Features {
  engine: string;
  groups: boolean;
  roles: boolean;
  systemPermissions: boolean;
  scoped: boolean;
  sessionTimeout: boolean;
  syslog: boolean;
  defaultPrivileges: boolean;
  columnPrivileges: boolean;
  procedures: boolean;
  /** Redshift: PASSWORD DISABLE, role owner, identity prefixes. */
  redshift: boolean;
  /** PostgreSQL role attributes: INHERIT, BYPASSRLS, REPLICATION, CREATEROLE. */
  postgres: boolean;
}

export function featuresOf(s: CatalogSummary | null | undefined): Features {
  const c = s?.capabilities;
  const engine = s?.engine ?? '';
  return {
    engine,
    groups: !!c?.groups,
    roles: c ? c.roles : true,
    systemPermissions: !!c?.systemPrivileges,
    scoped: !!c?.scopedPermissions,
    sessionTimeout: !!c?.sessionTimeout,
    syslog: !!c?.syslogAccess,
    defaultPrivileges: c ? c.defaultPrivileges : true,
    columnPrivileges: c ? c.columnPrivileges : true,
    procedures: c ? c.procedures : true,
    redshift: engine === 'redshift',
    postgres: engine === 'postgres',
  };
}

/** "Loaded 1,234 objects in 120 ms with 9 queries". */
export function loadInfo(s: CatalogSummary, lastLoadMillis: number): string {
  const c = s.counts;
  const objects = c.users + c.roles + c.groups + c.schemas + c.relations + c.routines;
  const time = lastLoadMillis > 0 ? ` in ${fmtMillis(lastLoadMillis)}` : '';
  return `Loaded ${plural(objects, 'object')} and ${plural(c.grants, 'grant')}${time} with ${plural(s.queries, 'query', 'queries')}`;
}

export function fmtMillis(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Step names as the readers report them, made readable ("default privileges" → "Default privileges"). */
export function stepLabel(step: string): string {
  if (!step) return 'Starting';
  if (step === 'done') return 'Indexing';
  const t = step.replace(/[_-]+/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
