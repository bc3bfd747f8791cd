// Pure helpers of the Redshift grant surface UI: the typed changes the
// dialogs queue and the grouping of catalog rows. No SQL and no rule lists:
// the backend validates and renders (its messages show in the dialogs).
import type { Change, ObjectRef, PrincipalRef } from '../../../api/changes';
import type { AssumeRoleAccess, AssumeRoleGrant } from '../../../api/surface';

export type IamTarget = 'arns' | 'default' | 'all';

/** One ARN or one comma-joined chain per line; blank lines dropped. */
export function iamRoleLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export function iamRolesOf(target: IamTarget, text: string): string[] {
  if (target === 'default') return ['default'];
  if (target === 'all') return ['ALL'];
  return iamRoleLines(text);
}

export function assumeRoleChange(grant: boolean, iamRoles: string[], commands: string[], grantee: PrincipalRef): Change {
  return { kind: grant ? 'grant_assumerole' : 'revoke_assumerole', assumeRole: { iamRoles, commands, grantee } };
}

/** The once-per-cluster lock-down AWS asks for: REVOKE ASSUMEROLE ON ALL FROM PUBLIC FOR ALL. */
export function lockdownChange(): Change {
  return assumeRoleChange(false, ['ALL'], ['ALL'], { kind: 'public', name: '' });
}

export function sameRef(a: PrincipalRef | { kind: string; name: string }, b: PrincipalRef | { kind: string; name: string }): boolean {
  return a.kind === b.kind && (a.kind === 'public' || a.name === b.name);
}

export interface AssumeRoleLine {
  iamRole: string;
  grantee: PrincipalRef;
  commands: string[];
  /** Membership path to the grantee; empty for the principal's own grant. */
  via: PrincipalRef[];
  direct: boolean;
}

/** Rows of one IAM role and one grantee merged; commands in the order the backend sent them. */
export function groupAssumeRoles(rows: AssumeRoleAccess[]): AssumeRoleLine[] {
  const out: AssumeRoleLine[] = [];
  const at = new Map<string, AssumeRoleLine>();
  for (const r of rows) {
    const key = `${r.iamRole}\u0000${r.grantee.kind}\u0000${r.grantee.name}`;
    let line = at.get(key);
    if (!line) {
      const via = (r.via ?? []) as PrincipalRef[];
      line = { iamRole: r.iamRole, grantee: r.grantee as PrincipalRef, commands: [], via, direct: via.length === 0 };
      at.set(key, line);
      out.push(line);
    }
    if (!line.commands.includes(r.command)) line.commands.push(r.command);
  }
  return out;
}

/** Revoking a line: one change for all its commands (the backend splits REVOKE … FOR per command). */
export function revokeLine(line: Pick<AssumeRoleLine, 'iamRole' | 'grantee' | 'commands'>): Change {
  return assumeRoleChange(false, [line.iamRole], line.commands, line.grantee);
}

/** PUBLIC's ASSUMEROLE rows as lines. */
export function publicLines(rows: AssumeRoleGrant[]): AssumeRoleLine[] {
  return groupAssumeRoles(rows.map((r): AssumeRoleAccess => ({ ...r, via: [] })));
}

export function iamRoleLabel(r: string): string {
  if (r === 'default') return 'default (cluster default IAM role)';
  if (r === 'ALL') return 'ALL (every attached IAM role)';
  return r;
}

export type ConsumerKind = 'namespace' | 'account';

export function datashareUsageChange(grant: boolean, datashare: string, kind: ConsumerKind, ids: string[], viaDataCatalog = false): Change {
  return {
    kind: grant ? 'grant_datashare_usage' : 'revoke_datashare_usage',
    datashareUsage:
      kind === 'namespace' ? { datashare, namespaces: ids } : { datashare, accounts: ids, ...(viaDataCatalog ? { viaDataCatalog: true } : {}) },
  };
}

export function objectGrantChange(grant: boolean, privileges: string[], objects: ObjectRef[], grantee: PrincipalRef, grantOption = false): Change {
  return {
    kind: grant ? 'grant_privileges' : 'revoke_privileges',
    privilege: { privileges, target: 'objects', objects, grantee, ...(grantOption ? { grantOption: true } : {}) },
  };
}

export function createModelChange(grant: boolean, grantee: PrincipalRef, grantOption = false): Change {
  return {
    kind: grant ? 'grant_privileges' : 'revoke_privileges',
    privilege: { privileges: ['CREATE MODEL'], target: 'create_model', grantee, ...(grantOption ? { grantOption: true } : {}) },
  };
}

export interface Holder {
  grantee: PrincipalRef;
  privileges: { name: string; grantOption: boolean }[];
}

/** A grant row as the generated bindings type it (kinds as plain strings). */
export interface GrantRow {
  grantee: { kind: string; name: string };
  privilege: string;
  grantOption: boolean;
}

/** Grants on one object, one entry per grantee. */
export function holders(grants: GrantRow[]): Holder[] {
  const out: Holder[] = [];
  for (const g of grants) {
    let h = out.find((x) => sameRef(x.grantee, g.grantee));
    if (!h) {
      h = { grantee: g.grantee as PrincipalRef, privileges: [] };
      out.push(h);
    }
    h.privileges.push({ name: g.privilege, grantOption: g.grantOption });
  }
  return out;
}
