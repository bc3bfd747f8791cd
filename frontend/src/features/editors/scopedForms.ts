// Redshift scoped permissions (DG r_GRANT, "scoped permissions"): GRANT …
// FOR <KEYWORD> IN SCHEMA s | IN DATABASE d. Each form covers every current
// and future object of its kind there; users and roles only. The forms come
// from the session's vocabulary (each kind's Scoped descriptor).
import type { Grant, ObjectKind, Vocabulary } from '../../api/catalog';
import type { Change, ObjectRef, PrincipalRef } from '../../api/changes';

/** One kind's scoped form, from the vocabulary. */
export interface ScopedKind {
  /** The object kind the form covers (table, function, copy_job …). */
  kind: ObjectKind;
  keyword: string;
  /** What it covers, in words ("tables"). */
  noun: string;
  privileges: string[];
  inSchema: boolean;
  inDatabase: boolean;
}

/** The kinds with a scoped form, in vocabulary order. */
export function scopedKinds(v: Vocabulary): ScopedKind[] {
  const out: ScopedKind[] = [];
  for (const k of v.kinds) {
    if (!k.scoped) continue;
    out.push({ kind: k.kind, keyword: k.scoped.keyword, noun: k.plural, privileges: k.scoped.privileges, inSchema: k.scoped.inSchema, inDatabase: k.scoped.inDatabase });
  }
  return out;
}

/** One choice of the form picker: a kind at one level. */
export interface ScopedForm {
  id: string;
  kind: ScopedKind;
  inDatabase: boolean;
  label: string;
}

export function scopedForms(v: Vocabulary): ScopedForm[] {
  const out: ScopedForm[] = [];
  for (const inDatabase of [false, true]) {
    for (const k of scopedKinds(v)) {
      if (!(inDatabase ? k.inDatabase : k.inSchema)) continue;
      const cap = k.noun[0].toUpperCase() + k.noun.slice(1);
      out.push({
        id: `${k.kind}:${inDatabase ? 'database' : 'schema'}`,
        kind: k,
        inDatabase,
        label: `${cap} in ${inDatabase ? 'the database' : 'a schema'} (FOR ${k.keyword} IN ${inDatabase ? 'DATABASE' : 'SCHEMA'})`,
      });
    }
  }
  return out;
}

/** Scoped permissions go to users and roles only (DG t_scoped-permissions: never to groups; the grammar has no PUBLIC). */
export function scopedGrantee(kind: PrincipalRef['kind']): boolean {
  return kind === 'user' || kind === 'role';
}

/** The change the form describes, or null when incomplete. */
export function buildScopedChange(
  action: 'grant' | 'revoke',
  form: ScopedForm,
  where: string,
  privileges: string[],
  grantee: PrincipalRef,
  grantOption: boolean,
): Change | null {
  const chosen = form.kind.privileges.filter((p) => privileges.includes(p));
  if (!chosen.length || !where || !scopedGrantee(grantee.kind)) return null;
  const all = chosen.length === form.kind.privileges.length && chosen.length > 1;
  return {
    kind: action === 'grant' ? 'grant_privileges' : 'revoke_privileges',
    privilege: {
      privileges: all ? ['ALL'] : chosen,
      target: form.inDatabase ? 'scoped_in_database' : 'scoped_in_schema',
      kind: form.kind.kind,
      ...(form.inDatabase ? { database: where } : { schemas: [where] }),
      grantee,
      ...(grantOption && action === 'grant' && grantee.kind === 'user' ? { grantOption: true } : {}),
    },
  };
}

/** A principal's own scoped permissions on one schema or database, one row per form. */
export interface HeldScoped {
  key: string;
  scope: string;
  where: ObjectRef;
  privileges: { privilege: string; grantOption: boolean }[];
}

export function heldScoped(v: Vocabulary, grants: Grant[]): HeldScoped[] {
  const rows = new Map<string, HeldScoped>();
  for (const g of grants) {
    if (!g.scope) continue;
    const where = g.object;
    const key = `${g.scope}\u0001${where.kind}\u0001${where.schema ?? ''}\u0001${where.name ?? ''}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, scope: g.scope, where, privileges: [] }));
    if (!r.privileges.some((p) => p.privilege === g.privilege)) r.privileges.push({ privilege: g.privilege, grantOption: g.grantOption });
  }
  const kinds = scopedKinds(v);
  const order = (s: string) => {
    const i = kinds.findIndex((k) => k.keyword === s);
    return i < 0 ? 99 : i;
  };
  const placeOrder = (o: ObjectRef) => (o.kind === 'database' ? `0${o.name}` : `1${o.schema}`);
  return [...rows.values()].sort((a, b) => placeOrder(a.where).localeCompare(placeOrder(b.where)) || order(a.scope) - order(b.scope));
}

/** The revoke of one held row (every privilege it lists). */
export function revokeHeld(v: Vocabulary, row: HeldScoped, grantee: PrincipalRef): Change | null {
  const k = scopedKinds(v).find((x) => x.keyword === row.scope);
  const inDatabase = row.where.kind === 'database';
  if (!k || !(inDatabase ? k.inDatabase : k.inSchema)) return null;
  return {
    kind: 'revoke_privileges',
    privilege: {
      privileges: row.privileges.map((p) => p.privilege),
      target: inDatabase ? 'scoped_in_database' : 'scoped_in_schema',
      kind: k.kind,
      ...(inDatabase ? { database: row.where.name ?? '' } : { schemas: [row.where.schema ?? ''] }),
      grantee,
    },
  };
}
