// What every editor needs to know about its session: the engine, its
// capabilities and vocabulary (from the catalog summary once loaded) and
// read-only mode.
import type { SessionInfo, Vocabulary } from '../../api';
import type { Capabilities } from '../../api/changes';
import { useCatalog } from '../catalog/store';
import { EMPTY_VOCABULARY } from './vocabulary';

export type Engine = 'redshift' | 'postgres';

export function engineOf(name: string | undefined): Engine {
  return name === 'redshift' ? 'redshift' : 'postgres';
}

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
  /** What can be granted on what (backend/vocab); empty until the catalog is loaded. */
  vocab: Vocabulary;
  /** The catalog's database (grants are per database). */
  database: string;
  readOnly: boolean;
}

export function makeEnv(
  session: SessionInfo,
  summary?: { engine?: string; capabilities?: Capabilities; vocabulary?: Vocabulary; database?: string } | null,
): EditorEnv {
  const engine = engineOf(summary?.engine || session.server.engine);
  return {
    session,
    sessionId: session.id,
    engine,
    caps: summary?.capabilities ?? FALLBACK[engine],
    vocab: summary?.vocabulary ?? EMPTY_VOCABULARY,
    database: summary?.database || session.server.database,
    readOnly: session.readOnly,
  };
}

export function useEditorEnv(session: SessionInfo): EditorEnv {
  const { summary } = useCatalog(session.id);
  return makeEnv(session, summary);
}
