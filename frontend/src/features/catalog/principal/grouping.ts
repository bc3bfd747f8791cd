// Pure shaping of privileges for display: grants grouped by schema then
// object, default privileges folded per rule, effective cells per object.
import type { DefaultPrivilege, EffectiveCell, Grant, ObjectRef, PrincipalRef, Relation } from '../../../api';
import { objectShortName, principalKey, privilegeRank } from '../format';
import { compareNames } from '../lists/logic';

export interface PrivilegeMark {
  privilege: string;
  grantOption: boolean;
  /** Column privileges: the columns it covers. */
  columns?: string[];
}

export interface GroupHeaderRow {
  type: 'group';
  key: string;
  /** '' for the database itself and its languages. */
  schema: string;
  objects: number;
}

export interface ObjectGrantRow {
  type: 'object';
  key: string;
  object: ObjectRef;
  /** Relation kind where known ("view"), else the object kind. */
  kind: string;
  label: string;
  privileges: PrivilegeMark[];
  /** Redshift scoped permission ("TABLES"): covers current and future objects. */
  scope?: string;
  grantors: string[];
  /** Every grant here is the engine's built-in default (never granted explicitly). */
  builtIn: boolean;
}

export type GrantListRow = GroupHeaderRow | ObjectGrantRow;

const KIND_ORDER: Record<string, number> = { database: 0, language: 1, schema: 2, table: 3, column: 3, function: 4, procedure: 5 };

function sortMarks(marks: PrivilegeMark[], order: readonly string[]): PrivilegeMark[] {
  return marks.sort(
    (a, b) =>
      privilegeRank(a.privilege, order) - privilegeRank(b.privilege, order) ||
      (a.columns ? 1 : 0) - (b.columns ? 1 : 0) ||
      a.privilege.localeCompare(b.privilege),
  );
}

/** relKey for a schema-qualified relation, as used by relationKinds. */
export const relKey = (schema: string, name: string) => `${schema}\u001f${name}`;

export function relationKinds(relations: Relation[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of relations) m.set(relKey(r.schema, r.name), r.kind);
  return m;
}

/**
 * Groups a principal's direct grants by schema (database-level first), then by
 * object; column grants join their relation's row. Flattened for a virtual list.
 */
export function groupGrants(grants: Grant[], kinds: Map<string, string> = new Map(), order: readonly string[] = []): GrantListRow[] {
  interface Acc {
    row: ObjectGrantRow;
    cols: Map<string, PrivilegeMark>;
    grantors: Set<string>;
  }
  const bySchema = new Map<string, Map<string, Acc>>();
  for (const g of grants) {
    const o = g.object;
    const schema = o.kind === 'database' || o.kind === 'language' ? '' : (o.schema ?? '');
    // A column grant belongs to its relation's row.
    const target: ObjectRef = o.kind === 'column' ? { kind: 'table', schema: o.schema, name: o.name } : o;
    const key = [target.kind, target.schema ?? '', target.name ?? '', target.args ?? '', g.scope ?? ''].join('\u001f');
    let objs = bySchema.get(schema);
    if (!objs) bySchema.set(schema, (objs = new Map()));
    let acc = objs.get(key);
    if (!acc) {
      const kind = target.kind === 'table' ? (kinds.get(relKey(target.schema ?? '', target.name ?? '')) ?? 'table') : target.kind;
      acc = {
        row: {
          type: 'object',
          key,
          object: target,
          kind,
          label: g.scope ? scopeLabel(g.scope, target) : target.kind === 'schema' ? `${target.schema} (the schema)` : objectShortName(target),
          privileges: [],
          scope: g.scope || undefined,
          grantors: [],
          builtIn: true,
        },
        cols: new Map(),
        grantors: new Set(),
      };
      objs.set(key, acc);
    }
    if (g.grantor) acc.grantors.add(g.grantor);
    acc.row.builtIn &&= !!g.default;
    if (o.kind === 'column') {
      const ck = `${g.privilege}\u001f${g.grantOption}`;
      let m = acc.cols.get(ck);
      if (!m) acc.cols.set(ck, (m = { privilege: g.privilege, grantOption: g.grantOption, columns: [] }));
      m.columns!.push(o.column ?? '');
    } else {
      const existing = acc.row.privileges.find((p) => p.privilege === g.privilege && !p.columns);
      if (existing) existing.grantOption ||= g.grantOption;
      else acc.row.privileges.push({ privilege: g.privilege, grantOption: g.grantOption });
    }
  }
  const schemas = [...bySchema.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : compareNames(a, b)));
  const out: GrantListRow[] = [];
  for (const schema of schemas) {
    const objs = [...bySchema.get(schema)!.values()].map((acc) => {
      for (const m of acc.cols.values()) {
        m.columns!.sort(compareNames);
        acc.row.privileges.push(m);
      }
      sortMarks(acc.row.privileges, order);
      acc.row.grantors = [...acc.grantors].sort();
      return acc.row;
    });
    objs.sort(
      (a, b) =>
        (KIND_ORDER[a.object.kind] ?? 9) - (KIND_ORDER[b.object.kind] ?? 9) ||
        (a.scope ? 0 : 1) - (b.scope ? 0 : 1) ||
        compareNames(a.label, b.label),
    );
    out.push({ type: 'group', key: `group\u001f${schema}`, schema, objects: objs.length });
    out.push(...objs);
  }
  return out;
}

/** "All tables in schema sales (current and future)". */
export function scopeLabel(scope: string, o: ObjectRef): string {
  const what = scope.toLowerCase();
  return o.kind === 'database' ? `All ${what} in database ${o.name ?? ''}` : `All ${what} in schema ${o.schema ?? ''}`;
}

/** Filters grouped rows by object name, keeping the headers of groups with matches. */
export function filterGrantRows(rows: GrantListRow[], text: string): GrantListRow[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return rows;
  const out: GrantListRow[] = [];
  let header: GroupHeaderRow | null = null;
  let kept: ObjectGrantRow[] = [];
  const flush = () => {
    if (header && kept.length) out.push({ ...header, objects: kept.length }, ...kept);
    kept = [];
  };
  for (const r of rows) {
    if (r.type === 'group') {
      flush();
      header = r;
      continue;
    }
    const hay = `${r.object.schema ?? ''}.${r.label} ${r.privileges.map((p) => p.privilege).join(' ')}`.toLowerCase();
    if (hay.includes(needle)) kept.push(r);
  }
  flush();
  return out;
}

export interface DefaultRule {
  key: string;
  creator: PrincipalRef;
  schema: string;
  objectType: string;
  grantee: PrincipalRef;
  privileges: PrivilegeMark[];
}

/** Folds default-privilege rows into one rule per (creator, schema, object type, grantee). */
export function groupDefaults(rows: DefaultPrivilege[], { withImplied = false, order = [] as readonly string[] } = {}): DefaultRule[] {
  const m = new Map<string, DefaultRule>();
  for (const d of rows) {
    if (d.implied && !withImplied) continue;
    const key = [principalKey(d.creator), d.schema ?? '', d.objectType, principalKey(d.grantee)].join('\u001f');
    let r = m.get(key);
    if (!r) m.set(key, (r = { key, creator: d.creator, schema: d.schema ?? '', objectType: d.objectType, grantee: d.grantee, privileges: [] }));
    const existing = r.privileges.find((p) => p.privilege === d.privilege);
    if (existing) existing.grantOption ||= d.grantOption;
    else r.privileges.push({ privilege: d.privilege, grantOption: d.grantOption });
  }
  const out = [...m.values()];
  for (const r of out) sortMarks(r.privileges, order);
  return out.sort(
    (a, b) =>
      compareNames(a.creator.name, b.creator.name) ||
      compareNames(a.schema, b.schema) ||
      a.objectType.localeCompare(b.objectType) ||
      compareNames(a.grantee.name, b.grantee.name),
  );
}

/** One badge of the effective view: a privilege, or a column privilege over several columns. */
export interface EffectiveMark {
  privilege: string;
  direct: boolean;
  inherited: boolean;
  grantOption: boolean;
  /** Not held in the login session: the role to SET ROLE to for it. */
  setRole?: string;
  columns?: string[];
  cells: EffectiveCell[];
}

/** True when a cell is not held in the login session, only after SET ROLE. */
export const isSetRoleOnly = (c: EffectiveCell) => !c.direct && !c.inherited && !!c.setRole;

/** Which cells the effective view shows: the login session's, those, plus what SET ROLE unlocks, or only the latter. */
export type EffectiveShow = 'session' | 'all' | 'set_role';

export function filterEffective(cells: EffectiveCell[], show: EffectiveShow): EffectiveCell[] {
  if (show === 'all') return cells;
  return cells.filter((c) => isSetRoleOnly(c) === (show === 'set_role'));
}

export interface EffectiveRow {
  key: string;
  object: ObjectRef;
  kind: string;
  label: string;
  cells: EffectiveCell[];
  /** cells folded for display: column cells of one privilege and state share a badge. */
  marks: EffectiveMark[];
}

function foldCells(cells: EffectiveCell[]): EffectiveMark[] {
  const out: EffectiveMark[] = [];
  const cols = new Map<string, EffectiveMark>();
  for (const c of cells) {
    const setRole = isSetRoleOnly(c) ? c.setRole : undefined;
    if (!c.object.column) {
      out.push({ privilege: c.privilege, direct: c.direct, inherited: c.inherited, grantOption: c.grantOption, setRole, cells: [c] });
      continue;
    }
    // One badge per privilege and style (direct, inherited, or per role to set); the tooltip tells the rest.
    const k = `${c.privilege}\u001f${c.direct}\u001f${setRole ?? ''}`;
    let m = cols.get(k);
    if (!m) {
      m = { privilege: c.privilege, direct: c.direct, inherited: false, grantOption: false, setRole, columns: [], cells: [] };
      cols.set(k, m);
      out.push(m);
    }
    m.columns!.push(c.object.column);
    m.cells.push(c);
    m.grantOption ||= c.grantOption;
    m.inherited ||= c.inherited;
  }
  return out;
}

/** One row per object with its effective cells (privileges in canonical order). */
export function groupEffective(cells: EffectiveCell[], kinds: Map<string, string> = new Map(), order: readonly string[] = []): EffectiveRow[] {
  const m = new Map<string, EffectiveRow>();
  for (const c of cells) {
    const o = c.object;
    const target: ObjectRef = o.kind === 'column' ? { kind: 'table', schema: o.schema, name: o.name } : o;
    const key = [target.kind, target.schema ?? '', target.name ?? '', target.args ?? ''].join('\u001f');
    let r = m.get(key);
    if (!r) {
      const kind = target.kind === 'table' ? (kinds.get(relKey(target.schema ?? '', target.name ?? '')) ?? 'table') : target.kind;
      m.set(key, (r = { key, object: target, kind, label: objectShortName(target), cells: [], marks: [] }));
    }
    r.cells.push(c);
  }
  const out = [...m.values()];
  for (const r of out) {
    r.cells.sort(
      (a, b) =>
        privilegeRank(a.privilege, order) - privilegeRank(b.privilege, order) ||
        (a.object.column ? 1 : 0) - (b.object.column ? 1 : 0) ||
        compareNames(a.object.column ?? '', b.object.column ?? ''),
    );
    r.marks = foldCells(r.cells);
  }
  return out.sort(
    (a, b) => (KIND_ORDER[a.object.kind] ?? 9) - (KIND_ORDER[b.object.kind] ?? 9) || compareNames(a.label, b.label),
  );
}

/** "via analyst → reader" lines for a cell's tooltip; "after SET ROLE analyst: …" for what SET ROLE unlocks. */
export function sourceLines(cell: EffectiveCell, self: PrincipalRef): string[] {
  return cell.sources.map((s) => {
    const path = s.via.length ? [self, ...s.via].map((p) => (p.kind === 'public' ? 'PUBLIC' : p.name)).join(' → ') : 'granted directly';
    const extra = [
      s.note,
      s.grantOption && 'with grant option',
      cell.scope && `scoped: ${cell.scope.toLowerCase()}`,
      s.grantor && `by ${s.grantor}`,
    ]
      .filter(Boolean)
      .join(', ');
    return `${s.setRole ? `after SET ROLE ${s.setRole}: ` : ''}${s.via.length ? 'via ' : ''}${path}${extra ? ` (${extra})` : ''}`;
  });
}

/** Members/memberships sorted: kind (roles, groups, users), then name. */
export function sortRefs<T>(list: T[], ref: (t: T) => PrincipalRef): T[] {
  const rank: Record<string, number> = { role: 0, group: 1, user: 2, public: 3 };
  return [...list].sort((a, b) => rank[ref(a).kind] - rank[ref(b).kind] || compareNames(ref(a).name, ref(b).name));
}
