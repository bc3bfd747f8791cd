// Pure shaping for the object browser: the flattened tree and grant tables.
import type { Grant, ObjectRow, PrincipalRef, SchemaRow, Vocabulary } from '../../../api';
import { principalKey, privilegeRank } from '../format';
import { compareNames, matcher } from '../lists/logic';
import type { PrivilegeMark } from '../principal/grouping';

export type TreeRow =
  | { type: 'database'; key: string; depth: 0; name: string }
  | { type: 'schema'; key: string; depth: 1; schema: SchemaRow; expanded: boolean }
  | { type: 'object'; key: string; depth: 2; schema: string; object: ObjectRow }
  | { type: 'note'; key: string; depth: 2; schema: string; text: string };

const KIND_RANK: Record<string, number> = {
  table: 0,
  partitioned_table: 0,
  external_table: 1,
  foreign_table: 1,
  view: 2,
  late_binding_view: 2,
  materialized_view: 3,
  sequence: 4,
  function: 5,
  procedure: 6,
};

export function sortObjects(list: ObjectRow[]): ObjectRow[] {
  return [...list].sort(
    (a, b) =>
      (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9) ||
      compareNames(a.ref.name ?? '', b.ref.name ?? '') ||
      (a.ref.args ?? '').localeCompare(b.ref.args ?? ''),
  );
}

export const objectRowKey = (o: ObjectRow) => `${o.ref.kind}\u001f${o.ref.schema}\u001f${o.ref.name}\u001f${o.ref.args ?? ''}`;

/**
 * The browser's tree as rows: the database, its schemas (system ones only when
 * asked), and the objects of expanded schemas. A filter keeps schemas whose
 * name matches (with all their objects) and, inside other expanded schemas,
 * the matching objects.
 */
export function flattenTree(opts: {
  database: string;
  schemas: SchemaRow[];
  expanded: Set<string>;
  objects: Map<string, ObjectRow[] | undefined>;
  filter: string;
  showSystem: boolean;
}): TreeRow[] {
  const { database, schemas, expanded, objects, showSystem } = opts;
  const match = matcher(opts.filter);
  const filtering = !!opts.filter.trim();
  const out: TreeRow[] = [{ type: 'database', key: 'db', depth: 0, name: database }];
  for (const s of schemas) {
    if (s.system && !showSystem) continue;
    const open = expanded.has(s.name);
    const list = objects.get(s.name);
    const nameHit = match(s.name);
    const hits = filtering && !nameHit && list ? list.filter((o) => match(o.ref.name ?? '')) : null;
    if (filtering && !nameHit && !(open && hits && hits.length)) continue;
    out.push({ type: 'schema', key: `s\u001f${s.name}`, depth: 1, schema: s, expanded: open });
    if (!open) continue;
    if (!list) {
      out.push({ type: 'note', key: `n\u001f${s.name}`, depth: 2, schema: s.name, text: 'Loading…' });
      continue;
    }
    const shown = sortObjects(hits ?? list);
    if (!shown.length) out.push({ type: 'note', key: `n\u001f${s.name}`, depth: 2, schema: s.name, text: 'No tables, views or routines' });
    for (const o of shown) out.push({ type: 'object', key: `o\u001f${objectRowKey(o)}`, depth: 2, schema: s.name, object: o });
  }
  return out;
}

export interface GranteeRow {
  key: string;
  grantee: PrincipalRef;
  grantor: string;
  privileges: PrivilegeMark[];
  /** Every row comes from the engine's built-in defaults (never changed). */
  builtIn: boolean;
}

const kindRank: Record<string, number> = { public: 0, role: 1, group: 2, user: 3 };

/** One row per (grantee, grantor) with its privileges; column grants are left out. */
export function grantsByGrantee(grants: Grant[], order: readonly string[] = []): GranteeRow[] {
  const m = new Map<string, GranteeRow>();
  for (const g of grants) {
    // Columns have their own table; Redshift scoped permissions are not privileges on the object.
    if (g.object.kind === 'column' || g.scope) continue;
    const key = `${principalKey(g.grantee)}\u001f${g.grantor ?? ''}`;
    let r = m.get(key);
    if (!r) m.set(key, (r = { key, grantee: g.grantee, grantor: g.grantor ?? '', privileges: [], builtIn: true }));
    r.builtIn = r.builtIn && !!g.default;
    const ex = r.privileges.find((p) => p.privilege === g.privilege);
    if (ex) ex.grantOption ||= g.grantOption;
    else r.privileges.push({ privilege: g.privilege, grantOption: g.grantOption });
  }
  const out = [...m.values()];
  for (const r of out) r.privileges.sort((a, b) => privilegeRank(a.privilege, order) - privilegeRank(b.privilege, order));
  return out.sort(
    (a, b) => kindRank[a.grantee.kind] - kindRank[b.grantee.kind] || compareNames(a.grantee.name, b.grantee.name) || a.grantor.localeCompare(b.grantor),
  );
}

export interface ColumnGrant {
  grantee: PrincipalRef;
  privileges: PrivilegeMark[];
}

/** Column grants by column name, each with its grantees and privileges. */
export function columnGrants(grants: Grant[], order: readonly string[] = []): Map<string, ColumnGrant[]> {
  const out = new Map<string, ColumnGrant[]>();
  for (const g of grants) {
    if (g.object.kind !== 'column' || !g.object.column) continue;
    let list = out.get(g.object.column);
    if (!list) out.set(g.object.column, (list = []));
    let cg = list.find((c) => c.grantee.kind === g.grantee.kind && c.grantee.name === g.grantee.name);
    if (!cg) list.push((cg = { grantee: g.grantee, privileges: [] }));
    const ex = cg.privileges.find((p) => p.privilege === g.privilege);
    if (ex) ex.grantOption ||= g.grantOption;
    else cg.privileges.push({ privilege: g.privilege, grantOption: g.grantOption });
  }
  for (const list of out.values()) {
    list.sort((a, b) => compareNames(a.grantee.name, b.grantee.name));
    for (const c of list) c.privileges.sort((a, b) => privilegeRank(a.privilege, order) - privilegeRank(b.privilege, order));
  }
  return out;
}

/** "8 tables · 2 sequences · 1 function" for a schema: its counts per vocabulary kind. */
export function schemaCounts(v: Vocabulary, s: SchemaRow): string {
  const parts: string[] = [];
  for (const k of v.kinds) {
    const n = s.objects?.[k.kind] ?? 0;
    if (n) parts.push(`${n.toLocaleString('en-US')} ${n === 1 ? k.noun : k.plural}`);
  }
  return parts.join(' · ') || 'empty';
}
