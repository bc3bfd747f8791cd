// Redshift scoped permissions (DG r_GRANT, "scoped permissions"): GRANT …
// FOR <KEYWORD> IN SCHEMA s | IN DATABASE d. Each form covers every current
// and future object of its kind there; users and roles only.
import type { Grant } from '../../api/catalog';
import type { Change, ObjectRef, PrincipalRef, Target } from '../../api/changes';

/**
 * One kind's scoped form, shaped like the backend vocabulary's Kind.Scoped
 * (backend/vocab/redshift.go), from which it is copied until the vocabulary
 * reaches the UI through its bound call.
 */
export interface ScopedKind {
  keyword: string;
  /** What it covers, in words ("tables and views"). */
  noun: string;
  privileges: string[];
  inSchema: boolean;
  inDatabase: boolean;
}

export const REDSHIFT_SCOPED: ScopedKind[] = [
  { keyword: 'TABLES', noun: 'tables and views', privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'DROP', 'ALTER', 'TRUNCATE', 'REFERENCES'], inSchema: true, inDatabase: true },
  { keyword: 'FUNCTIONS', noun: 'functions', privileges: ['EXECUTE'], inSchema: true, inDatabase: true },
  { keyword: 'PROCEDURES', noun: 'procedures', privileges: ['EXECUTE'], inSchema: true, inDatabase: true },
  { keyword: 'SCHEMAS', noun: 'schemas', privileges: ['CREATE', 'USAGE', 'ALTER', 'DROP'], inSchema: false, inDatabase: true },
  { keyword: 'LANGUAGES', noun: 'languages', privileges: ['USAGE'], inSchema: false, inDatabase: true },
  { keyword: 'COPY JOBS', noun: 'copy jobs', privileges: ['CREATE', 'ALTER', 'DROP'], inSchema: false, inDatabase: true },
];

/** The change target of each form (backend/change/scoped.go). */
const TARGETS: Record<string, { schema?: Target; database?: Target }> = {
  TABLES: { schema: 'scoped_tables_in_schema', database: 'scoped_tables_in_database' },
  FUNCTIONS: { schema: 'scoped_functions_in_schema', database: 'scoped_functions_in_database' },
  PROCEDURES: { schema: 'scoped_procedures_in_schema', database: 'scoped_procedures_in_database' },
  SCHEMAS: { database: 'scoped_schemas_in_database' },
  LANGUAGES: { database: 'scoped_languages_in_database' },
  'COPY JOBS': { database: 'scoped_copy_jobs_in_database' },
};

export function scopedTarget(keyword: string, inDatabase: boolean): Target | undefined {
  return TARGETS[keyword]?.[inDatabase ? 'database' : 'schema'];
}

/** The FOR keyword and level of a scoped target (undefined for other targets). */
export function scopeOfTarget(t: Target): { scope: string; database: boolean } | undefined {
  for (const [scope, v] of Object.entries(TARGETS)) {
    if (v.schema === t) return { scope, database: false };
    if (v.database === t) return { scope, database: true };
  }
  return undefined;
}

/** One choice of the form picker: a kind at one level. */
export interface ScopedForm {
  id: string;
  kind: ScopedKind;
  inDatabase: boolean;
  label: string;
  target: Target;
}

export function scopedForms(kinds: ScopedKind[] = REDSHIFT_SCOPED): ScopedForm[] {
  const out: ScopedForm[] = [];
  for (const inDatabase of [false, true]) {
    for (const k of kinds) {
      if (!(inDatabase ? k.inDatabase : k.inSchema)) continue;
      const target = scopedTarget(k.keyword, inDatabase);
      if (!target) continue;
      const cap = k.noun[0].toUpperCase() + k.noun.slice(1);
      out.push({ id: target, kind: k, inDatabase, target, label: `${cap} in ${inDatabase ? 'the database' : 'a schema'} (FOR ${k.keyword} IN ${inDatabase ? 'DATABASE' : 'SCHEMA'})` });
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
      target: form.target,
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

export function heldScoped(grants: Grant[]): HeldScoped[] {
  const rows = new Map<string, HeldScoped>();
  for (const g of grants) {
    if (!g.scope) continue;
    const where = g.object;
    const key = `${g.scope}\u0001${where.kind}\u0001${where.schema ?? ''}\u0001${where.name ?? ''}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, scope: g.scope, where, privileges: [] }));
    if (!r.privileges.some((p) => p.privilege === g.privilege)) r.privileges.push({ privilege: g.privilege, grantOption: g.grantOption });
  }
  const order = (s: string) => {
    const i = REDSHIFT_SCOPED.findIndex((k) => k.keyword === s);
    return i < 0 ? 99 : i;
  };
  const placeOrder = (o: ObjectRef) => (o.kind === 'database' ? `0${o.name}` : `1${o.schema}`);
  return [...rows.values()].sort((a, b) => placeOrder(a.where).localeCompare(placeOrder(b.where)) || order(a.scope) - order(b.scope));
}

/** The revoke of one held row (every privilege it lists). */
export function revokeHeld(row: HeldScoped, grantee: PrincipalRef): Change | null {
  const target = scopedTarget(row.scope, row.where.kind === 'database');
  if (!target) return null;
  return {
    kind: 'revoke_privileges',
    privilege: {
      privileges: row.privileges.map((p) => p.privilege),
      target,
      ...(row.where.kind === 'database' ? { database: row.where.name ?? '' } : { schemas: [row.where.schema ?? ''] }),
      grantee,
    },
  };
}
