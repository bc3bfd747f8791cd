// Catalog answers the editors read, through the browsing store's per-version
// cache (so they refetch by themselves after an apply). Keys are prefixed
// so they never collide with the browsing views' own.
import { useEffect, useMemo, useState } from 'react';
import { catalogApi, type ObjectRef, type PrincipalDetail, type PrincipalRef } from '../../api';
import { changesApi, type Change, type PlanStatement } from '../../api/changes';
import { useCatalogQuery } from '../catalog/store';
import { usePending } from '../changes/store';
import { granteeKey, objectKey } from './matrix';

// The principal lists share the list tabs' keys: the same answer (100,000
// users are ~10 MB of JSON) is read once per catalog version, not once per screen.
export const useUsers = (sid: string) => useCatalogQuery(sid, 'users', () => catalogApi.users(sid));
export const useRoles = (sid: string) => useCatalogQuery(sid, 'roles', () => catalogApi.roles(sid));
export const useGroups = (sid: string, enabled = true) =>
  useCatalogQuery(sid, enabled ? 'groups' : null, () => catalogApi.groups(sid));
export const useSchemas = (sid: string) => useCatalogQuery(sid, 'ed:schemas', () => catalogApi.schemas(sid));

export const usePrincipal = (sid: string, ref: PrincipalRef | null) =>
  useCatalogQuery(sid, ref ? `ed:principal:${granteeKey(ref)}` : null, () => catalogApi.principal(sid, ref!));

export const useSchemaObjects = (sid: string, schema: string | null) =>
  useCatalogQuery(sid, schema ? `ed:objects:${schema}` : null, () => catalogApi.schemaObjects(sid, schema!));

export const useEffective = (sid: string, ref: PrincipalRef | null, schema: string | null) =>
  useCatalogQuery(sid, ref && schema ? `ed:effective:${granteeKey(ref)}:${schema}` : null, () => catalogApi.effective(sid, ref!, schema!));

export const useEffectiveDatabase = (sid: string, ref: PrincipalRef | null) =>
  useCatalogQuery(sid, ref ? `ed:effective-db:${granteeKey(ref)}` : null, () => catalogApi.effectiveDatabase(sid, ref!));

export const useObjectGrants = (sid: string, ref: ObjectRef | null) =>
  useCatalogQuery(sid, ref ? `ed:grants:${objectKey(ref)}` : null, () => catalogApi.objectGrants(sid, ref!));

export const useColumns = (sid: string, schema: string | null, relation: string | null) =>
  useCatalogQuery(sid, schema && relation ? `ed:columns:${schema}\u0001${relation}` : null, () => catalogApi.columns(sid, schema!, relation!));

/** Users, roles and groups a queued change will create (so pickers can offer them before apply). */
export function pendingNames(items: { change: Change }[]): { users: string[]; roles: string[]; groups: string[] } {
  const out = { users: [] as string[], roles: [] as string[], groups: [] as string[] };
  for (const { change: c } of items) {
    if (c.kind === 'create_user' && c.user) out.users.push(c.user.name);
    if (c.kind === 'create_role' && c.role) out.roles.push(c.role.name);
    if (c.kind === 'create_group' && c.group) out.groups.push(c.group.name);
  }
  return out;
}

export function usePendingNames(sid: string) {
  const items = usePending(sid);
  return useMemo(() => pendingNames(items), [items]);
}

/** A principal's detail with nothing in it yet. */
export function emptyDetail(ref: PrincipalRef): PrincipalDetail {
  return {
    ref,
    memberOf: [],
    members: [],
    grants: [],
    defaultsAsOwner: [],
    defaultsReceived: [],
    systemPrivileges: [],
    relations: [],
    inheritsFrom: [],
    owned: [],
  };
}

/**
 * A principal's detail; for one that a queued change creates (not in the
 * catalog yet) an empty detail, so editors can act on it before apply.
 */
export function usePrincipalOrPending(sid: string, ref: PrincipalRef | null) {
  const q = usePrincipal(sid, ref);
  const names = usePendingNames(sid);
  const isPending =
    !!ref &&
    ((ref.kind === 'user' && names.users.includes(ref.name)) ||
      (ref.kind === 'role' && names.roles.includes(ref.name)) ||
      (ref.kind === 'group' && names.groups.includes(ref.name)));
  if (ref && isPending && !q.data && q.error?.code === 'not_found') return { ...q, data: emptyDetail(ref), error: null, loading: false, pendingCreate: true };
  return { ...q, pendingCreate: false };
}

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * Select options for a grantee ("kind:name"): PUBLIC, roles, users and (where
 * the engine has them) groups, queued new ones included.
 */
export function useGranteeOptions(sid: string, opts: { groups: boolean; public?: boolean; roles?: boolean }): OptionGroup[] {
  const users = useUsers(sid);
  const roles = useRoles(sid);
  const groups = useGroups(sid, opts.groups);
  const queued = usePendingNames(sid);
  return useMemo(() => {
    const list = (kind: string, names: string[], fresh: string[]) => {
      const queuedNames = new Set(fresh);
      return [...new Set([...names, ...fresh])].map((n) => ({ value: `${kind}:${n}`, label: queuedNames.has(n) ? `${n} (queued)` : n }));
    };
    const out: OptionGroup[] = [];
    if (opts.public !== false) out.push({ group: 'Special', items: [{ value: 'public:', label: 'PUBLIC (everyone)' }] });
    if (opts.roles !== false)
      out.push({ group: 'Roles', items: list('role', (roles.data ?? []).filter((r) => !r.system).map((r) => r.name), queued.roles) });
    out.push({ group: 'Users', items: list('user', (users.data ?? []).map((u) => u.name), queued.users) });
    if (opts.groups) out.push({ group: 'Groups', items: list('group', (groups.data ?? []).map((g) => g.name), queued.groups) });
    return out;
  }, [users.data, roles.data, groups.data, queued, opts.groups, opts.public, opts.roles]);
}

/**
 * Select props for a grantee picker: with 100,000 users, options are mounted
 * only while the list is open (Combobox keeps them mounted, hidden, by
 * default) and at most GRANTEE_LIMIT match at a time; typing narrows them.
 */
export const GRANTEE_LIMIT = 100;
export const granteeSelectProps = { limit: GRANTEE_LIMIT, comboboxProps: { withinPortal: true, keepMounted: false } } as const;

/** "role:reader" → {kind: 'role', name: 'reader'}. */
export function parseGranteeValue(v: string): PrincipalRef {
  const i = v.indexOf(':');
  return { kind: v.slice(0, i) as PrincipalRef['kind'], name: v.slice(i + 1) };
}

export interface PlanPreview {
  statements: PlanStatement[];
  warnings: string[];
  error: string | null;
  loading: boolean;
}

/**
 * The statements the backend renders for changes, as the preview will show
 * them: a dialog shows exactly what its changes queue (e.g. the revokes and
 * ownership transfers before a drop). They are rendered after the session's
 * pending changes, as they will be in the plan, so nothing already queued is
 * listed again; if the pending set itself is refused, they are rendered
 * alone. The backend keeps no plan; nothing runs.
 */
export function usePlanPreview(sid: string, changes: Change[] | null): PlanPreview {
  const queued = usePending(sid);
  const before = useMemo(() => queued.map((i) => i.change), [queued]);
  const key = changes ? JSON.stringify([before, changes]) : null;
  const [state, setState] = useState<{ key: string | null; statements: PlanStatement[]; warnings: string[]; error: string | null }>({
    key: null,
    statements: [],
    warnings: [],
    error: null,
  });
  useEffect(() => {
    if (!key) return;
    let live = true;
    const [prior, mine] = JSON.parse(key) as [Change[], Change[]];
    const render = async (prefix: Change[]) => {
      const v = await changesApi.render(sid, [...prefix, ...mine]);
      // Warnings read "change N (kind): …"; keep this dialog's, without the prefix.
      const warnings = (v.warnings ?? []).flatMap((w) => {
        const m = /^change (\d+) \([^)]*\): /.exec(w);
        return !m || Number(m[1]) > prefix.length ? [m ? w.slice(m[0].length) : w] : [];
      });
      return { statements: v.statements.filter((st) => st.changeIndex >= prefix.length), warnings };
    };
    render(prior)
      .catch((e: unknown) => (prior.length ? render([]) : Promise.reject(e)))
      .then((r) => {
        if (live) setState({ key, ...r, error: null });
      })
      .catch((e: unknown) => {
        if (live) setState({ key, statements: [], warnings: [], error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [sid, key]);
  const current = state.key === key;
  return {
    statements: current ? state.statements : [],
    warnings: current ? state.warnings : [],
    error: current ? state.error : null,
    loading: !!key && !current,
  };
}
