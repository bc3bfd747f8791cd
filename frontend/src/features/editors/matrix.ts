// State logic of the privilege matrices (a principal's objects × privileges,
// and an object's grantees × privileges). Cells toggled by the user form a
// draft: the set of (grantee, object, privilege) → grant | revoke. The draft
// lives in the pending store as grouped grant/revoke changes (origin
// "matrix"), so the tray shows it at once; these functions translate both ways
// and compute what each cell shows.
import type { EffectiveCell, Vocabulary } from '../../api';
import type { Change, ObjectKind, ObjectRef, PrincipalRef, PrivilegeSpec } from '../../api/changes';
import { kindOf, objectPrivileges } from './vocabulary';

export type Action = 'grant' | 'revoke';

export interface DraftCell {
  grantee: PrincipalRef;
  object: ObjectRef;
  privilege: string;
  action: Action;
  grantOption: boolean;
}

/** Draft cells by cellKey. */
export type Draft = Map<string, DraftCell>;

export function granteeKey(p: PrincipalRef): string {
  return p.kind === 'public' ? 'public:' : `${p.kind}:${p.name}`;
}

export function objectKey(o: ObjectRef): string {
  return [o.kind, o.schema ?? '', o.name ?? '', o.args ?? '', o.column ?? ''].join('\u0001');
}

export function cellKey(grantee: PrincipalRef, o: ObjectRef, privilege: string): string {
  return `${granteeKey(grantee)}\u0002${objectKey(o)}\u0002${privilege}`;
}

export function sameGrantee(a: PrincipalRef, b: PrincipalRef): boolean {
  return granteeKey(a) === granteeKey(b);
}

function expand(v: Vocabulary, kind: ObjectKind, privs: string[]): string[] {
  return privs.some((p) => p.toUpperCase() === 'ALL') ? objectPrivileges(v, kind) : privs.map((p) => p.toUpperCase());
}

/** Reads the draft back from the matrix's own pending items (their cells, else their changes). */
export function draftFromItems(items: { change: Change; cells?: DraftCell[] }[], v: Vocabulary): Draft {
  const d: Draft = new Map();
  for (const it of items) {
    if (it.cells) for (const c of it.cells) d.set(cellKey(c.grantee, c.object, c.privilege), c);
    else for (const [k, c] of draftFromChanges([it.change], v)) d.set(k, c);
  }
  return d;
}

/** Reads a draft back from changes on listed objects. */
export function draftFromChanges(changes: Change[], v: Vocabulary): Draft {
  const d: Draft = new Map();
  for (const c of changes) {
    const p = c.privilege;
    if (!p || p.target !== 'objects' || p.columns?.length) continue;
    const action: Action = c.kind === 'grant_privileges' ? 'grant' : 'revoke';
    for (const o of p.objects ?? []) {
      for (const priv of expand(v, o.kind, p.privileges)) {
        d.set(cellKey(p.grantee, o, priv), { grantee: p.grantee, object: o, privilege: priv, action, grantOption: !!p.grantOption });
      }
    }
  }
  return d;
}

/** The key of fullSchemas: the objects of one kind in one schema. */
export const kindInSchema = (kind: ObjectKind, schema: string) => `${kind}\u0001${schema}`;

/**
 * Groups a draft into as few changes as possible: one per grantee, action,
 * grant option, object kind and privilege set. fullSchemas maps kindInSchema
 * to the keys of all the schema's objects of that kind: a group covering all
 * of them becomes the kind's bulk form, GRANT … ON ALL TABLES IN SCHEMA
 * (small payload, same effect).
 */
export function changesFromDraft(draft: Draft, v: Vocabulary, fullSchemas?: Map<string, Set<string>>): Change[] {
  return groupDraft(draft, v, fullSchemas).map((g) => g.change);
}

/** Like changesFromDraft, with the draft cells each change stands for. */
export function groupDraft(draft: Draft, v: Vocabulary, fullSchemas?: Map<string, Set<string>>): { change: Change; cells: DraftCell[] }[] {
  const kindRank = (k: ObjectKind) => {
    const i = v.kinds.findIndex((x) => x.kind === k);
    return i < 0 ? v.kinds.length : i;
  };
  type Acc = { grantee: PrincipalRef; object: ObjectRef; action: Action; grantOption: boolean; privs: Set<string>; cells: DraftCell[] };
  const perObject = new Map<string, Acc>();
  for (const c of draft.values()) {
    const k = `${granteeKey(c.grantee)}|${c.action}|${c.grantOption ? 1 : 0}|${objectKey(c.object)}`;
    let a = perObject.get(k);
    if (!a) {
      a = { grantee: c.grantee, object: c.object, action: c.action, grantOption: c.grantOption, privs: new Set(), cells: [] };
      perObject.set(k, a);
    }
    a.privs.add(c.privilege);
    a.cells.push(c);
  }
  type Group = { grantee: PrincipalRef; action: Action; grantOption: boolean; kind: ObjectKind; privs: string[]; objects: ObjectRef[]; cells: Map<string, DraftCell[]> };
  const groups = new Map<string, Group>();
  for (const a of perObject.values()) {
    const order = objectPrivileges(v, a.object.kind);
    const privs = [...a.privs].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    const k = `${granteeKey(a.grantee)}|${a.action}|${a.grantOption ? 1 : 0}|${a.object.kind}|${privs.join(',')}`;
    let g = groups.get(k);
    if (!g) {
      g = { grantee: a.grantee, action: a.action, grantOption: a.grantOption, kind: a.object.kind, privs, objects: [], cells: new Map() };
      groups.set(k, g);
    }
    g.objects.push(a.object);
    g.cells.set(objectKey(a.object), a.cells);
  }
  const sorted = [...groups.values()].sort(
    (x, y) =>
      granteeKey(x.grantee).localeCompare(granteeKey(y.grantee)) ||
      (x.action === y.action ? 0 : x.action === 'grant' ? -1 : 1) ||
      kindRank(x.kind) - kindRank(y.kind) ||
      x.privs.join().localeCompare(y.privs.join()),
  );
  const out: { change: Change; cells: DraftCell[] }[] = [];
  const cellsOf = (g: Group, objs: ObjectRef[]) => objs.flatMap((o) => g.cells.get(objectKey(o)) ?? []);
  for (const g of sorted) {
    const kind = g.action === 'grant' ? 'grant_privileges' : 'revoke_privileges';
    let objects = g.objects;
    if (kindOf(v, g.kind)?.bulk && fullSchemas) {
      const bySchema = new Map<string, ObjectRef[]>();
      for (const o of objects) bySchema.set(o.schema ?? '', [...(bySchema.get(o.schema ?? '') ?? []), o]);
      const whole: string[] = [];
      objects = [];
      for (const [schema, objs] of bySchema) {
        const all = fullSchemas.get(kindInSchema(g.kind, schema));
        if (all && all.size > 1 && objs.length === all.size && objs.every((o) => all.has(objectKey(o)))) whole.push(schema);
        else objects.push(...objs);
      }
      if (whole.length)
        out.push({
          change: {
            kind,
            privilege: { privileges: g.privs, target: 'all_in_schema', kind: g.kind, schemas: whole.sort(), grantee: g.grantee, ...(g.grantOption ? { grantOption: true } : {}) },
          },
          cells: cellsOf(
            g,
            g.objects.filter((o) => whole.includes(o.schema ?? '')),
          ),
        });
    }
    if (objects.length)
      out.push({
        change: { kind, privilege: { privileges: g.privs, target: 'objects', objects, grantee: g.grantee, ...(g.grantOption ? { grantOption: true } : {}) } },
        cells: cellsOf(g, objects),
      });
  }
  return out;
}

interface Mark {
  action: Action;
  seq: number;
  /** The entry comes from the matrix draft (one cell's own toggle). */
  draft: boolean;
}

/**
 * Pending actions on cells from every queued change (in order), including
 * bulk "all tables in schema" forms. Redshift scoped permissions (FOR TABLES
 * IN SCHEMA …) are not object grants and never mark cells: scopedMarks shows
 * them. Revoking only the grant option does not change whether the privilege
 * is held, so it is skipped.
 */
export class Overlay {
  private cells = new Map<string, Mark[]>();
  private rules = new Map<string, Mark[]>();

  constructor(
    items: { change: Change; matrix: boolean }[],
    v: Vocabulary,
  ) {
    items.forEach(({ change: c, matrix }, seq) => {
      const p = c.privilege;
      if (!p || (c.kind !== 'grant_privileges' && c.kind !== 'revoke_privileges') || p.columns?.length) return;
      const action: Action = c.kind === 'grant_privileges' ? 'grant' : 'revoke';
      if (action === 'revoke' && p.grantOption) return;
      const mark = { action, seq, draft: matrix };
      const rule = (kind: ObjectKind, schema: string) => {
        for (const priv of expand(v, kind, p.privileges)) {
          const k = `${granteeKey(p.grantee)}|${kind}|${schema}|${priv}`;
          this.rules.set(k, [...(this.rules.get(k) ?? []), mark]);
        }
      };
      switch (p.target) {
        case 'objects':
          for (const o of p.objects ?? [])
            for (const priv of expand(v, o.kind, p.privileges)) {
              const k = cellKey(p.grantee, o, priv);
              this.cells.set(k, [...(this.cells.get(k) ?? []), mark]);
            }
          break;
        case 'all_in_schema':
          for (const s of p.schemas ?? []) if (p.kind) rule(p.kind, s);
          break;
      }
    });
  }

  /** The last pending action on the cell, optionally ignoring the draft's own entry. */
  get(grantee: PrincipalRef, o: ObjectRef, privilege: string, ignoreDraft = false): Action | undefined {
    // Nothing queued (the usual case when a matrix opens): no keys to build per cell.
    if (!this.cells.size && !this.rules.size) return undefined;
    let best: Mark | undefined;
    for (const m of this.cells.get(cellKey(grantee, o, privilege)) ?? []) {
      if (ignoreDraft && m.draft) continue;
      if (!best || m.seq > best.seq) best = m;
    }
    // A matrix rule (a whole column collapsed to ALL TABLES IN SCHEMA) stands for draft cells.
    for (const r of this.rules.get(`${granteeKey(grantee)}|${o.kind}|${o.schema ?? ''}|${privilege}`) ?? []) {
      if (ignoreDraft && r.draft) continue;
      if (!best || r.seq > best.seq) best = r;
    }
    return best?.action;
  }
}

export type BaseState = 'direct' | 'inherited' | 'none';

export interface CellBase {
  state: BaseState;
  grantOption?: boolean;
}

/** Whether the cell shows as held: pending action first, else a direct grant. */
export function isChecked(base: CellBase | undefined, pendingAction: Action | undefined): boolean {
  if (pendingAction) return pendingAction === 'grant';
  return base?.state === 'direct';
}

export interface CellRef {
  grantee: PrincipalRef;
  object: ObjectRef;
  privilege: string;
}

/**
 * Sets cells to held (wanted) or not, editing only the draft: a cell whose
 * state without its draft entry already matches loses the entry; any other
 * gets a grant or revoke. Returns a new draft.
 */
export function setCells(
  draft: Draft,
  cells: CellRef[],
  wanted: boolean,
  overlay: Overlay,
  base: (c: CellRef) => CellBase | undefined,
  grantOption: boolean,
): Draft {
  const next = new Map(draft);
  for (const c of cells) {
    const k = cellKey(c.grantee, c.object, c.privilege);
    const without = isChecked(base(c), overlay.get(c.grantee, c.object, c.privilege, true));
    if (without === wanted) next.delete(k);
    else next.set(k, { ...c, action: wanted ? 'grant' : 'revoke', grantOption: wanted && grantOption });
  }
  return next;
}

/** For select-all checkboxes: all held, some held (indeterminate) or none. */
export function aggregate(checked: boolean[]): 'all' | 'some' | 'none' {
  const n = checked.filter(Boolean).length;
  if (n === 0) return 'none';
  return n === checked.length ? 'all' : 'some';
}

/**
 * Schemas whose objects get a pending grant for grantee while the grantee
 * lacks USAGE on the schema (hasUsage answers from the loaded effective
 * privileges: true, false, or undefined when unknown) and no USAGE grant is
 * queued. Without USAGE such grants have no effect.
 */
export function usageOffers(changes: Change[], grantee: PrincipalRef, hasUsage: (schema: string) => boolean | undefined, overlay: Overlay): string[] {
  const schemas = new Set<string>();
  for (const c of changes) {
    const p = c.privilege;
    if (c.kind !== 'grant_privileges' || !p || !sameGrantee(p.grantee, grantee)) continue;
    if (p.target === 'objects') {
      for (const o of p.objects ?? []) if (o.kind !== 'schema' && o.kind !== 'database' && o.schema) schemas.add(o.schema);
    } else if (p.target.endsWith('_in_schema')) for (const s of p.schemas ?? []) schemas.add(s);
  }
  return [...schemas]
    .filter((s) => {
      const pendingUsage = overlay.get(grantee, { kind: 'schema', schema: s }, 'USAGE');
      if (pendingUsage) return pendingUsage === 'revoke';
      return hasUsage(s) === false;
    })
    .sort();
}

/** One Redshift scoped permission as the editors show it, apart from the object grid. */
export interface ScopedMark {
  key: string;
  /** What it covers in `where`: TABLES, FUNCTIONS, PROCEDURES, SCHEMAS, LANGUAGES. */
  scope: string;
  /** The schema or database it covers. */
  where: ObjectRef;
  privilege: string;
  /** Held (directly or through a role, group or PUBLIC), or queued. */
  state: 'direct' | 'inherited' | 'grant' | 'revoke';
  /** Who holds it when inherited: the membership paths. */
  via?: PrincipalRef[][];
}

/** The scope word and place of a scoped change (TABLES in a schema, SCHEMAS in the database, …). */
function scopedTarget(v: Vocabulary, p: PrivilegeSpec): { scope: string; database: boolean } | undefined {
  if (p.target !== 'scoped_in_schema' && p.target !== 'scoped_in_database') return undefined;
  const scope = p.kind && kindOf(v, p.kind)?.scoped?.keyword;
  return scope ? { scope, database: p.target === 'scoped_in_database' } : undefined;
}

/**
 * The scoped permissions of grantee: those held (effective `scoped` cells)
 * and those queued in changes (the last queued action wins). keep filters by
 * scope and covered schema or database.
 */
export function scopedMarks(
  v: Vocabulary,
  held: EffectiveCell[],
  changes: Change[],
  grantee: PrincipalRef,
  database: string,
  keep: (scope: string, where: ObjectRef) => boolean = () => true,
): ScopedMark[] {
  const out = new Map<string, ScopedMark>();
  const keyOf = (scope: string, where: ObjectRef, privilege: string) => `${scope}\u0001${objectKey(where)}\u0001${privilege}`;
  for (const c of held) {
    if (!c.scope || !keep(c.scope, c.object)) continue;
    const key = keyOf(c.scope, c.object, c.privilege);
    const via = c.sources.filter((s) => s.via.length > 0).map((s) => s.via);
    out.set(key, { key, scope: c.scope, where: c.object, privilege: c.privilege, state: c.direct ? 'direct' : 'inherited', ...(via.length ? { via } : {}) });
  }
  for (const c of changes) {
    const p = c.privilege;
    const t = p && scopedTarget(v, p);
    if (!p || !t || !sameGrantee(p.grantee, grantee) || (c.kind !== 'grant_privileges' && c.kind !== 'revoke_privileges')) continue;
    if (c.kind === 'revoke_privileges' && p.grantOption) continue;
    const wheres: ObjectRef[] = t.database ? [{ kind: 'database', name: database }] : (p.schemas ?? []).map((schema) => ({ kind: 'schema', schema }));
    for (const where of wheres) {
      if (!keep(t.scope, where)) continue;
      for (const raw of p.privileges) {
        const privilege = raw.toUpperCase();
        const key = keyOf(t.scope, where, privilege);
        const before = out.get(key);
        out.set(key, { ...(before ?? { key, scope: t.scope, where, privilege }), state: c.kind === 'grant_privileges' ? 'grant' : 'revoke' });
      }
    }
  }
  return [...out.values()].sort(
    (a, b) => objectKey(a.where).localeCompare(objectKey(b.where)) || a.scope.localeCompare(b.scope) || a.privilege.localeCompare(b.privilege),
  );
}
