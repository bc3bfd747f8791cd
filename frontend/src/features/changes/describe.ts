// One line of plain words per pending change, and what a destructive one
// loses. Shown in the tray before any SQL exists; never shows a password.
import type { Change, ObjectRef, PrincipalRef, PrivilegeSpec } from '../../api/changes';
import { describeSurface } from './describeSurface';

export function principalLabel(p: PrincipalRef): string {
  if (p.kind === 'public') return 'PUBLIC';
  return `${p.kind} ${p.name}`;
}

export function objectLabel(o: ObjectRef): string {
  switch (o.kind) {
    case 'database':
      return `database ${o.name}`;
    case 'schema':
      return `schema ${o.schema}`;
    case 'function':
    case 'procedure':
      return `${o.kind} ${o.schema}.${o.name}(${o.args ?? ''})`;
    case 'column':
      return `${o.schema}.${o.name}.${o.column}`;
    case 'language':
      return `language ${o.name}`;
    case 'datashare':
      return `datashare ${o.name}`;
    case 'model':
      return `model ${o.schema}.${o.name}`;
  }
  return `${o.schema}.${o.name}`;
}

function list(names: string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function privs(p: string[]): string {
  return p.some((x) => x.toUpperCase() === 'ALL') ? 'ALL privileges' : p.join(', ');
}

/** "tables", "copy jobs": a kind in words (the preview has no vocabulary at hand). */
const kindsWord = (k?: string) => `${(k ?? 'object').replace(/_/g, ' ')}s`;

function target(p: PrivilegeSpec): string {
  const schemas = list(p.schemas ?? []);
  switch (p.target) {
    case 'all_in_schema':
      return `all ${kindsWord(p.kind)} in schema ${schemas}`;
    case 'scoped_in_schema':
      return `all current and future ${kindsWord(p.kind)} in schema ${schemas}`;
    case 'scoped_in_database':
      return `all current and future ${kindsWord(p.kind)} in database ${p.database}`;
    case 'create_model':
      return 'the database (create ML models)';
  }
  const objs = p.objects ?? [];
  if (p.columns?.length && objs[0]) return `${p.columns.length === 1 ? 'column' : 'columns'} ${list(p.columns)} of ${objectLabel(objs[0])}`;
  return list(objs.map(objectLabel));
}

/** External id and session defaults of a user change, in words. */
function userExtras(u: NonNullable<Change['user']>): string[] {
  const out: string[] = [];
  if (u.externalId) out.push(`external id ${u.externalId}`);
  for (const p of u.setParameters ?? []) out.push(`session default ${p.name} = ${p.value}`);
  if (u.resetParameters?.length) out.push(`remove session default ${list(u.resetParameters)}`);
  return out;
}

export interface Described {
  text: string;
  destructive: boolean;
  /** For destructive changes: what will be lost, in words. */
  loss?: string;
}

/** A sentence for one change; isRedshift words CREATEUSER as superuser. */
export function describeChange(c: Change, isRedshift = false): Described {
  switch (c.kind) {
    case 'create_user': {
      const u = c.user!;
      const bits: string[] = [];
      if (u.password !== undefined) bits.push('password: set');
      if (u.passwordDisabled) bits.push(isRedshift ? 'password disabled' : 'no password');
      if (u.superuser) bits.push(isRedshift ? 'SUPERUSER (CREATEUSER)' : 'SUPERUSER');
      if (u.createDb) bits.push('may create databases');
      if (u.createRole) bits.push('may create roles');
      if (u.syslogAccess === 'UNRESTRICTED') bits.push('syslog access unrestricted');
      if (u.connectionLimit !== undefined && u.connectionLimit >= 0) bits.push(`connection limit ${u.connectionLimit}`);
      if (u.sessionTimeout) bits.push(`session timeout ${u.sessionTimeout} s`);
      if (u.validUntil) bits.push(u.validUntil === 'infinity' ? 'password never expires' : `valid until ${u.validUntil}`);
      if (u.inGroups?.length) bits.push(`${isRedshift ? 'in groups' : 'in roles'} ${list(u.inGroups)}`);
      bits.push(...userExtras(u));
      return { text: `Create user ${u.name}${bits.length ? ` (${bits.join(', ')})` : ''}`, destructive: false };
    }
    case 'alter_user': {
      const u = c.user!;
      const bits: string[] = [];
      const lost: string[] = [];
      if (u.renameTo) bits.push(`rename to ${u.renameTo}`);
      if (u.password !== undefined) {
        bits.push('password: set');
        lost.push('the current password stops working');
      }
      if (u.passwordDisabled === true) {
        bits.push('disable password');
        lost.push('password sign-in stops working');
      }
      if (u.passwordDisabled === false) bits.push('enable password');
      if (u.superuser !== undefined) {
        bits.push(u.superuser ? (isRedshift ? 'make SUPERUSER (CREATEUSER)' : 'make SUPERUSER') : 'remove superuser');
        if (!u.superuser) lost.push('superuser rights');
      }
      if (u.createDb !== undefined) {
        bits.push(u.createDb ? 'may create databases' : 'may not create databases');
        if (!u.createDb) lost.push('the right to create databases');
      }
      if (u.createRole !== undefined) {
        bits.push(u.createRole ? 'may create roles' : 'may not create roles');
        if (!u.createRole) lost.push('the right to create roles');
      }
      if (u.syslogAccess) bits.push(`syslog access ${u.syslogAccess.toLowerCase()}`);
      if (u.connectionLimit !== undefined) bits.push(u.connectionLimit < 0 ? 'no connection limit' : `connection limit ${u.connectionLimit}`);
      if (u.sessionTimeout !== undefined) bits.push(u.sessionTimeout === 0 ? 'default session timeout' : `session timeout ${u.sessionTimeout} s`);
      if (u.validUntil) bits.push(u.validUntil === 'infinity' ? 'password never expires' : `valid until ${u.validUntil}`);
      bits.push(...userExtras(u));
      const text = `Change user ${u.name}: ${bits.join(', ') || 'nothing'}`;
      return lost.length ? { text, destructive: true, loss: `${u.name}: ${lost.join('; ')}` } : { text, destructive: false };
    }
    case 'drop_user':
      return {
        text: `Drop user ${c.user!.name}`,
        destructive: true,
        loss: `The user ${c.user!.name} can no longer sign in; its memberships and privileges are removed. The drop fails while it owns objects.`,
      };
    case 'create_role': {
      const r = c.role!;
      const bits = [r.externalId && `external id ${r.externalId}`, r.owner && `owner ${r.owner}`].filter(Boolean);
      return { text: `Create role ${r.name}${bits.length ? ` (${bits.join(', ')})` : ''}`, destructive: false };
    }
    case 'alter_role': {
      const r = c.role!;
      const bits = [r.renameTo && `rename to ${r.renameTo}`, r.owner && `owner ${r.owner}`, r.externalId && `external id ${r.externalId}`].filter(Boolean);
      return { text: `Change role ${r.name}: ${bits.join(', ') || 'nothing'}`, destructive: false };
    }
    case 'drop_role': {
      const r = c.role!;
      return {
        text: `Drop role ${r.name}${r.force ? ' (FORCE)' : ''}`,
        destructive: true,
        loss: r.force
          ? `Role ${r.name} is removed together with every grant of it to users and roles: its members lose what it gave them.`
          : `Role ${r.name} is removed with its privileges (the drop fails while it is still granted to someone).`,
      };
    }
    case 'grant_role': {
      const m = c.member!;
      return { text: `Grant role ${m.role} to ${principalLabel(m.member)}${m.adminOption ? ' with admin option' : ''}`, destructive: false };
    }
    case 'revoke_role': {
      const m = c.member!;
      if (m.adminOption)
        return {
          text: `Revoke the admin option on role ${m.role} from ${principalLabel(m.member)}`,
          destructive: true,
          loss: `${m.member.name} may no longer grant ${m.role} to others.`,
        };
      return {
        text: `Revoke role ${m.role} from ${principalLabel(m.member)}`,
        destructive: true,
        loss: `${m.member.name} loses every privilege that comes through ${m.role}.`,
      };
    }
    case 'create_group': {
      const g = c.group!;
      return { text: `Create group ${g.name}${g.users?.length ? ` with ${list(g.users)}` : ''}`, destructive: false };
    }
    case 'alter_group': {
      const g = c.group!;
      const bits: string[] = [];
      if (g.renameTo) bits.push(`rename to ${g.renameTo}`);
      if (g.addUsers?.length) bits.push(`add ${list(g.addUsers)}`);
      if (g.dropUsers?.length) bits.push(`remove ${list(g.dropUsers)}`);
      const text = `Change group ${g.name}: ${bits.join(', ') || 'nothing'}`;
      if (g.dropUsers?.length)
        return { text, destructive: true, loss: `${list(g.dropUsers, 6)} lose what group ${g.name} gives them.` };
      return { text, destructive: false };
    }
    case 'drop_group':
      return {
        text: `Drop group ${c.group!.name}`,
        destructive: true,
        loss: `Group ${c.group!.name} is removed: its members lose every privilege granted to it.`,
      };
    case 'grant_privileges':
    case 'revoke_privileges': {
      const p = c.privilege!;
      const grant = c.kind === 'grant_privileges';
      const what = `${privs(p.privileges)} on ${target(p)}`;
      if (grant)
        return { text: `Grant ${what} to ${principalLabel(p.grantee)}${p.grantOption ? ' with grant option' : ''}`, destructive: false };
      if (p.grantOption)
        return {
          text: `Revoke the grant option for ${what} from ${principalLabel(p.grantee)}`,
          destructive: true,
          loss: `${principalLabel(p.grantee)} may no longer pass on ${privs(p.privileges)}.`,
        };
      return {
        text: `Revoke ${what} from ${principalLabel(p.grantee)}`,
        destructive: true,
        loss: `${principalLabel(p.grantee)} and everyone who inherits from it lose ${what}.`,
      };
    }
    case 'grant_default_privileges':
    case 'revoke_default_privileges': {
      const d = c.default!;
      const grant = c.kind === 'grant_default_privileges';
      const creator = d.creator.name ? `created by ${d.creator.name}` : 'created by the current user';
      const where = d.schema ? `in schema ${d.schema}` : 'anywhere in the database';
      const text = `Default privileges: ${grant ? 'grant' : 'revoke'} ${privs(d.privileges)} on ${d.objectType} ${creator} ${where} ${grant ? 'to' : 'from'} ${principalLabel(d.grantee)}${grant && d.grantOption ? ' with grant option' : ''}`;
      if (grant) return { text, destructive: false };
      return { text, destructive: true, loss: `New ${d.objectType} ${creator} ${where} no longer get ${privs(d.privileges)} for ${principalLabel(d.grantee)}.` };
    }
    case 'grant_system_privileges':
      return { text: `Grant system permissions ${list(c.system!.privileges, 4)} to role ${c.system!.role}`, destructive: false };
    case 'revoke_system_privileges':
      return {
        text: `Revoke system permissions ${list(c.system!.privileges, 4)} from role ${c.system!.role}`,
        destructive: true,
        loss: `Members of ${c.system!.role} lose ${list(c.system!.privileges, 8)}.`,
      };
  }
  return describeSurface(c) ?? { text: c.kind, destructive: false };
}
