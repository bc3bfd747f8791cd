// What every editor needs to know about its session: the engine, its
// capabilities (from the catalog summary once loaded) and read-only mode.
import type { SessionInfo } from '../../api';
import type { Capabilities } from '../../api/changes';
import { useCatalog } from '../catalog/store';
import { engineOf, type Engine } from './privileges';

const FALLBACK: Record<Engine, Capabilities> = {
  redshift: {
    groups: true,
    roles: true,
    nestedRoles: true,
    roleAdminOption: true,
    systemPrivileges: true,
    scopedPermissions: true,
    columnPrivileges: true,
    procedures: true,
    defaultPrivileges: true,
    sessionTimeout: true,
    syslogAccess: true,
    maxIdentifierBytes: 127,
  },
  postgres: {
    groups: false,
    roles: true,
    nestedRoles: true,
    roleAdminOption: true,
    systemPrivileges: false,
    scopedPermissions: false,
    columnPrivileges: true,
    procedures: true,
    defaultPrivileges: true,
    sessionTimeout: false,
    syslogAccess: false,
    maxIdentifierBytes: 63,
  },
};

export interface EditorEnv {
  session: SessionInfo;
  sessionId: string;
  engine: Engine;
  caps: Capabilities;
  /** The catalog's database (grants are per database). */
  database: string;
  readOnly: boolean;
}

export function makeEnv(session: SessionInfo, summary?: { engine?: string; capabilities?: Capabilities; database?: string } | null): EditorEnv {
  const engine = engineOf(summary?.engine || session.server.engine);
  return {
    session,
    sessionId: session.id,
    engine,
    caps: summary?.capabilities ?? FALLBACK[engine],
    database: summary?.database || session.server.database,
    readOnly: session.readOnly,
  };
}

export function useEditorEnv(session: SessionInfo): EditorEnv {
  const { summary } = useCatalog(session.id);
  return makeEnv(session, summary);
}
