// Typed changes (backend/change/change.go) and the ChangesService wrappers.
// The frontend describes what to change; the backend renders the SQL.
import * as Changes from '../wailsjs/go/app/ChangesService';
import type { change } from '../wailsjs/go/models';
import type { CatalogSummary, ObjectKind, ObjectRef, PrincipalRef } from './catalog';
import { callApi } from './errors';

export type { Capabilities, CatalogSummary, ObjectKind, ObjectRef, PrincipalKind, PrincipalRef } from './catalog';

export type ChangeKind =
  | 'create_user'
  | 'alter_user'
  | 'drop_user'
  | 'create_role'
  | 'alter_role'
  | 'drop_role'
  | 'grant_role'
  | 'revoke_role'
  | 'create_group'
  | 'alter_group'
  | 'drop_group'
  | 'grant_privileges'
  | 'revoke_privileges'
  | 'grant_default_privileges'
  | 'revoke_default_privileges'
  | 'grant_system_privileges'
  | 'revoke_system_privileges'
  | 'grant_assumerole'
  | 'revoke_assumerole'
  | 'grant_datashare_usage'
  | 'revoke_datashare_usage';

/** Attributes of a user to create, or those to change (absent = unchanged). */
export interface UserSpec {
  name: string;
  renameTo?: string;
  /** Clear text, sent once; the backend hashes it. Never shown again. */
  password?: string;
  passwordDisabled?: boolean;
  /** Redshift CREATEUSER (which makes a superuser) / PostgreSQL SUPERUSER. */
  superuser?: boolean;
  createDb?: boolean;
  /** PostgreSQL only. */
  createRole?: boolean;
  syslogAccess?: 'RESTRICTED' | 'UNRESTRICTED';
  /** -1 = unlimited. */
  connectionLimit?: number;
  /** Seconds; 0 resets to the cluster default (Redshift). */
  sessionTimeout?: number;
  /** ISO timestamp, or "infinity" for never. */
  validUntil?: string;
  /** create_user: Redshift groups, PostgreSQL roles (IN ROLE). */
  inGroups?: string[];
  /** drop_user: who takes over what the user owns (ALTER … OWNER TO). */
  successor?: string;
  /** Redshift EXTERNALID: the user's id at an identity provider (password login disabled). */
  externalId?: string;
  /** Session defaults to store (ALTER USER/ROLE … SET name TO value), from the next login. */
  setParameters?: { name: string; value: string }[];
  /** Session defaults to remove (… RESET name). */
  resetParameters?: string[];
}

export interface RoleSpec {
  name: string;
  renameTo?: string;
  owner?: string;
  externalId?: string;
  force?: boolean;
  /** drop_role: who takes over what the role owns (PostgreSQL). */
  successor?: string;
}

export interface GroupSpec {
  name: string;
  renameTo?: string;
  users?: string[];
  addUsers?: string[];
  dropUsers?: string[];
}

export interface MemberSpec {
  role: string;
  member: PrincipalRef;
  adminOption?: boolean;
}

/** Listed objects, all objects of `kind` in schemas, or (Redshift) the scoped forms. */
export type Target = 'objects' | 'all_in_schema' | 'scoped_in_schema' | 'scoped_in_database' | 'create_model';

export interface PrivilegeSpec {
  privileges: string[];
  target: Target;
  /** The object kind of the bulk and scoped targets. */
  kind?: ObjectKind;
  objects?: ObjectRef[];
  columns?: string[];
  schemas?: string[];
  database?: string;
  grantee: PrincipalRef;
  grantOption?: boolean;
}

export type DefaultObjectType = 'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas';

export interface DefaultSpec {
  creator: PrincipalRef;
  schema?: string;
  objectType: DefaultObjectType;
  privileges: string[];
  grantee: PrincipalRef;
  grantOption?: boolean;
}

export interface SystemSpec {
  privileges: string[];
  role: string;
}

/** One typed edit. kind says which payload field is read. */
export interface Change {
  kind: ChangeKind;
  user?: UserSpec;
  role?: RoleSpec;
  group?: GroupSpec;
  member?: MemberSpec;
  privilege?: PrivilegeSpec;
  default?: DefaultSpec;
  system?: SystemSpec;
  assumeRole?: AssumeRoleSpec;
  datashareUsage?: DatashareUsageSpec;
}

/** GRANT/REVOKE ASSUMEROLE (Redshift): iamRoles are ARNs, comma-joined chains, or "default" / "ALL" alone. */
export interface AssumeRoleSpec {
  iamRoles: string[];
  commands: string[];
  grantee: PrincipalRef;
}

/** GRANT/REVOKE USAGE ON DATASHARE to consumer namespaces or accounts (Redshift). */
export interface DatashareUsageSpec {
  datashare: string;
  namespaces?: string[];
  accounts?: string[];
  viaDataCatalog?: boolean;
}

/** One rendered statement; sql is the redacted display form. */
export interface PlanStatement {
  sql: string;
  summary: string;
  outsideTransaction: boolean;
  destructive: boolean;
  changeIndex: number;
}

export interface PlanView {
  id: string;
  statements: PlanStatement[];
  transactional: boolean;
  destructive: boolean;
  readOnly: boolean;
  /** The whole plan as a script, secrets redacted. */
  script: string;
  /** What the connected user likely lacks the rights for (non-superusers). */
  warnings?: string[];
  /** Why Apply is refused on this connection whatever the plan (an emulated Redshift); "" when it is not. */
  applyRefusal?: string;
}

/**
 * What one statement did, checked in the catalog read after COMMIT:
 * ok (its effect is there), no_effect (it ran but the catalog does not show
 * it), unverified (the catalog cannot show it, e.g. a password, or could not
 * be read), unknown (the COMMIT reply was lost and could not be settled),
 * not_applied (rolled back or never run), failed.
 */
export type StatementOutcome = 'ok' | 'no_effect' | 'unverified' | 'unknown' | 'not_applied' | 'failed';

export interface StatementResult {
  outcome: StatementOutcome;
  /** Server notices (NOTICE, WARNING) the statement drew. */
  notices: string[];
  /** Why: the missing effect, the error or the warning. */
  detail?: string;
}

export type PlanOutcome = 'applied' | 'not_applied' | 'partially_applied' | 'unknown';

export interface ApplyResult {
  /** The transaction committed (settled from the catalog if the COMMIT reply was lost). */
  applied: boolean;
  /** The user said no to the confirmation: nothing ran. */
  cancelled: boolean;
  executed: number;
  outcome: PlanOutcome;
  commitReplyLost: boolean;
  /** One per statement of the plan, same order. */
  statements: StatementResult[];
  /** How many statements ran but changed nothing visible. */
  noEffect: number;
  /** Applied, but the catalog could not be read again. */
  reloadError: string;
  /** Applied, but the audit log could not be written. */
  auditError: string;
  /** The catalog summary, read again as part of the apply. */
  catalog: CatalogSummary;
}

export interface AuditEntry {
  time: string;
  planId: string;
  profile: string;
  profileId: string;
  server: string;
  serverUser: string;
  statement: string;
  outcome: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** 1-based numbers of lines of the log that are not entries. */
  corruptLines: number[];
}

export const changesApi = {
  /** Validates and renders; nothing runs. The backend keeps the plan (and its passwords). */
  preview: (sessionId: string, changes: Change[]) =>
    callApi(async () => {
      const v = (await Changes.Preview(sessionId, changes as unknown as change.Change[])) as unknown as PlanView;
      return { ...v, statements: v.statements ?? [] };
    }),
  /** Validates and renders for a dialog's preview; the backend keeps nothing, so the plan under review stays current. */
  render: (sessionId: string, changes: Change[]) =>
    callApi(async () => {
      const v = (await Changes.Render(sessionId, changes as unknown as change.Change[])) as unknown as PlanView;
      return { ...v, statements: v.statements ?? [] };
    }),
  /** Runs a previewed plan; destructive plans are confirmed by a native dialog first. */
  apply: (planId: string) =>
    callApi(async () => {
      const r = (await Changes.Apply(planId)) as unknown as ApplyResult;
      return { ...r, statements: r.statements ?? [] };
    }),
  /** Stops a running apply: nothing is committed (or, if COMMIT was already sent, the outcome is settled). */
  cancel: (planId: string) => callApi(() => Changes.Cancel(planId)),
  /** Forgets a previewed plan and the passwords it holds. */
  discard: (planId: string) => callApi(() => Changes.Discard(planId)),
  /** Native save dialog; the path written, or "" when cancelled. */
  saveScript: (planId: string) => callApi(() => Changes.SaveScript(planId)),
  audit: (limit: number) =>
    callApi(async () => {
      const p = (await Changes.Audit(limit)) as unknown as AuditPage;
      return { entries: p.entries ?? [], corruptLines: p.corruptLines ?? [] };
    }),
};
