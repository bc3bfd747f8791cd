// Pure logic of the insight screens: who can access an object, a principal's
// access across the whole database, and the history's filters.
import type { Effective, EffectiveCell, EffectiveSource, Holder, ObjectRef, PrincipalRef } from '../../api';
import { objectFullName, principalKey, principalLabel, privilegeRank } from '../catalog/format';
import { nameKey } from '../catalog/lists/logic';

/** How a privilege (or a holder's access) is held, strongest first. */
export type How = 'superuser' | 'owner' | 'direct' | 'inherited' | 'public';

/** One principal's line in who-can-access. */
export interface HolderRow {
  readonly key: string;
  readonly principal: PrincipalRef;
  readonly how: How;
  /** Privileges held in the login session (object and scoped), sorted. */
  readonly privileges: { privilege: string; grantOption: boolean; inherited: boolean; scope?: string }[];
  /** Distinct paths behind them, as text ("alice → analyst → reader", "direct"). */
  readonly paths: string[];
  /** Implicit steps (pg_database_owner, predefined roles). */
  readonly notes: string[];
}

/**
 * A HolderRow whose privileges, paths and notes are worked out when first read:
 * the list shows a screenful of thousands of rows, and only those are read.
 */
class LazyHolderRow implements HolderRow {
  private cache: { privileges?: HolderRow['privileges']; paths?: string[]; notes?: string[] } = {};

  constructor(
    readonly key: string,
    readonly principal: PrincipalRef,
    readonly how: How,
    private readonly cells: EffectiveCell[],
    private readonly order: readonly string[],
  ) {}

  get privileges() {
    return (this.cache.privileges ??= sortByRank(
      this.order,
      this.cells.map((c) => ({ privilege: c.privilege, grantOption: c.grantOption, inherited: !c.direct, scope: c.scope || undefined })),
    ));
  }

  get paths() {
    return (this.cache.paths ??= [...new Set(this.cells.flatMap((c) => c.sources.map((s) => pathText(this.principal, s.via))))]);
  }

  get notes() {
    return (this.cache.notes ??= [...new Set(this.cells.flatMap((c) => c.sources.map((s) => s.note ?? '')))].filter(Boolean));
  }
}

/** "direct", or "alice → analyst → reader" (the principal first, the grantee last). */
export function pathText(self: PrincipalRef, via: PrincipalRef[]): string {
  if (!via.length) return 'direct';
  return [self, ...via].map(principalLabel).join(' → ');
}

function holderHow(h: Holder, cells: EffectiveCell[]): How {
  if (h.superuser) return 'superuser';
  if (h.owner) return 'owner';
  if (cells.some((c) => c.direct)) return 'direct';
  if (cells.some((c) => c.sources.some((s) => s.via.length && s.via[s.via.length - 1].kind !== 'public'))) return 'inherited';
  return 'public';
}

const HOW_ORDER: Record<How, number> = { superuser: 0, owner: 1, direct: 2, inherited: 3, public: 4 };

export interface HolderFilter {
  /** '' = every privilege. */
  privilege: string;
  /** Matches the principal's name or a role on its paths. */
  text: string;
  /** Hide principals whose only access is through PUBLIC (everyone). */
  hidePublicOnly: boolean;
}

/**
 * Who-can-access rows: one per principal, filtered by privilege (superusers
 * and owners always pass: they hold every privilege), then by text.
 */
export function holderRows(holders: Holder[], f: HolderFilter, order: readonly string[] = []): HolderRow[] {
  const text = f.text.trim().toLowerCase();
  const keyed: { row: HolderRow; key: string }[] = [];
  for (const h of holders) {
    const cells = f.privilege ? [...h.cells, ...h.scoped].filter((c) => c.privilege === f.privilege) : [...h.cells, ...h.scoped];
    if (!cells.length && !h.superuser && !h.owner) continue;
    const how = holderHow(h, cells);
    if (f.hidePublicOnly && how === 'public' && h.principal.kind !== 'public') continue;
    const row = new LazyHolderRow(principalKey(h.principal), h.principal, how, cells, order);
    if (text && !principalLabel(h.principal).toLowerCase().includes(text) && !row.paths.some((p) => p.toLowerCase().includes(text))) continue;
    // Sorted by a key per row (how, kind, name in reading order), compared as
    // plain strings: thousands of holders, and a collator per comparison is slow.
    keyed.push({ row, key: `${HOW_ORDER[how]}${h.principal.kind}\u0000${nameKey(h.principal.name)}\u0000${h.principal.name}` });
  }
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

function sortByRank<T extends { privilege: string }>(order: readonly string[], list: T[]): T[] {
  return [...list].sort((a, b) => privilegeRank(a.privilege, order) - privilegeRank(b.privilege, order) || a.privilege.localeCompare(b.privilege));
}

/** The privileges any holder has, for the filter. */
export function holderPrivileges(holders: Holder[], order: readonly string[] = []): string[] {
  const all = new Set<string>();
  for (const h of holders) for (const c of [...h.cells, ...h.scoped]) all.add(c.privilege);
  return sortByRank(order, [...all].map((privilege) => ({ privilege }))).map((p) => p.privilege);
}

/** One line of a principal's whole-database access: one privilege on one object. */
export interface AccessRow {
  key: string;
  object: ObjectRef;
  /** "sales.orders", "schema sales", "database dev". */
  label: string;
  schema: string;
  privilege: string;
  scope?: string;
  how: 'direct' | 'inherited' | 'set_role';
  grantOption: boolean;
  sources: EffectiveSource[];
}

export interface AccessFilter {
  text: string;
  privilege: string;
  /** '' = every schema. */
  schema: string;
  how: '' | 'direct' | 'inherited' | 'set_role';
}

function accessLabel(o: ObjectRef): string {
  if (o.kind === 'database' || o.kind === 'schema' || o.kind === 'language') return `${o.kind} ${objectFullName(o)}`;
  return objectFullName(o);
}

/** Every cell of an Effective (object privileges, then scoped permissions) as rows. */
export function accessRows(eff: Effective): AccessRow[] {
  const rows: AccessRow[] = [];
  const push = (c: EffectiveCell) =>
    rows.push({
      key: `${c.object.kind}\u001f${c.object.schema ?? ''}\u001f${c.object.name ?? ''}\u001f${c.object.args ?? ''}\u001f${c.object.column ?? ''}\u001f${c.scope ?? ''}\u001f${c.privilege}`,
      object: c.object,
      label: accessLabel(c.object) + (c.scope ? ` (all ${c.scope.toLowerCase()})` : ''),
      schema: c.object.schema ?? '',
      privilege: c.privilege,
      scope: c.scope || undefined,
      how: c.direct ? 'direct' : c.inherited ? 'inherited' : 'set_role',
      grantOption: c.grantOption,
      sources: c.sources,
    });
  eff.cells.forEach(push);
  eff.scoped.forEach(push);
  return rows;
}

export function filterAccess(rows: AccessRow[], f: AccessFilter): AccessRow[] {
  const text = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.privilege || r.privilege === f.privilege) &&
      (!f.schema || r.schema === f.schema) &&
      (!f.how || r.how === f.how) &&
      (!text || r.label.toLowerCase().includes(text) || r.sources.some((s) => s.via.some((p) => p.name.toLowerCase().includes(text)))),
  );
}

/** A history date input: today minus days, as YYYY-MM-DD (UTC). */
export function dayString(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The outcome of an apply in one word. */
export function applyOutcome(statements: { outcome: string }[]): 'applied' | 'rolled back' | 'failed' | 'partial' {
  const ok = statements.filter((s) => s.outcome.startsWith('ok')).length;
  if (ok === statements.length) return 'applied';
  if (ok > 0) return 'partial';
  return statements.some((s) => s.outcome.startsWith('failed')) ? 'failed' : 'rolled back';
}
