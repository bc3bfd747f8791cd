// Plain shapes of the data the backend exchanges. They mirror the generated
// models in ../wailsjs (classes) so the rest of the app never imports those.

export type Engine = 'redshift' | 'postgres';

export type SSLMode = 'disable' | 'require' | 'verify-ca' | 'verify-full';

/** A saved connection. It never carries a password. */
export interface Profile {
  id: string;
  name: string;
  engine: Engine;
  host: string;
  port: number;
  database: string;
  user: string;
  sslMode: SSLMode;
  caFile?: string;
  connectTimeoutSec: number;
  readOnly: boolean;
  color?: string;
  /** Absent for password profiles; see AuthSettings. */
  auth?: AuthSettings;
  /** Reach the server through an SSH bastion (and jump hosts). */
  ssh?: SSHTunnel | null;
  /** The ephemeral "Local sandbox" profile: not editable, not deletable. */
  sandbox?: boolean;
}

/** How a profile gets its database credentials (backend profile.AuthSettings). */
export type AuthMethod = 'password' | 'iam' | 'iam-serverless';

/**
 * Temporary credentials from AWS: GetClusterCredentials(WithIAM) for a
 * provisioned cluster, GetCredentials for a Serverless workgroup. Empty
 * region, cluster and workgroup are taken from the endpoint host name.
 */
export interface AuthSettings {
  method: AuthMethod;
  awsProfile?: string;
  region?: string;
  clusterId?: string;
  workgroup?: string;
  withIam?: boolean;
  autoCreate?: boolean;
  dbGroups?: string[];
  durationSec?: number;
}

export type SSHAuth = 'key' | 'agent' | 'password';

/** One jump host; an empty user means the tunnel's user. */
export interface SSHHop {
  host: string;
  port: number;
  user?: string;
}

/** A profile's SSH tunnel. Its passphrase or password lives only in the keychain. */
export interface SSHTunnel {
  host: string;
  port: number;
  user: string;
  auth: SSHAuth;
  keyFile?: string;
  jumpHosts?: SSHHop[];
}

/** A profile as listed: whether the keychain holds its password. */
export interface ProfileView extends Profile {
  hasPassword: boolean;
  /** This save pointed the profile at another server without a new password, so the saved one was removed. */
  passwordForgotten?: boolean;
}

export interface SaveProfileRequest {
  profile: Profile;
  password: string;
  /** Write (or, with an empty password, remove) the keychain entry. */
  setPassword: boolean;
  /** The SSH key passphrase or password; written to the keychain only with setSshSecret. */
  sshSecret?: string;
  setSshSecret?: boolean;
}

export interface KeychainStatus {
  available: boolean;
  message: string;
  storeWarning: string;
}

export interface ImportResult {
  added: string[];
  skipped: string[];
}

export interface ServerInfo {
  engine: Engine;
  version: string;
  fullVersion: string;
  user: string;
  database: string;
  host: string;
  port: number;
  superuser: boolean;
  /** PostgreSQL dressed as Redshift (the Local sandbox's emulated Redshift): read as Redshift, nothing applies. */
  emulated?: boolean;
}

export interface SessionInfo {
  id: string;
  profileId: string;
  profileName: string;
  readOnly: boolean;
  server: ServerInfo;
}

export interface TestRequest {
  profile: Profile;
  password: string;
  useStoredPassword: boolean;
  attemptId: string;
  /** The current code of the MFA device an IAM profile's AWS role asks for. */
  mfaCode?: string;
  /** The SSH passphrase or password as typed; empty uses the saved one. */
  sshSecret?: string;
}

/** An IAM Identity Center sign-in waiting for the user to confirm userCode at url. */
export interface AWSSignIn {
  id: string;
  userCode: string;
  url: string;
}

export interface ConnectRequest {
  profileId: string;
  password: string;
  attemptId: string;
  mfaCode?: string;
  /** The SSH passphrase or password when the keychain holds none. */
  sshSecret?: string;
}
