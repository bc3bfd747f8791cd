import type { AuthMethod, AuthSettings, Profile } from '../../api';

export const AUTH_METHODS: { value: AuthMethod; label: string }[] = [
  { value: 'password', label: 'Database password' },
  { value: 'iam', label: 'IAM, provisioned' },
  { value: 'iam-serverless', label: 'IAM, Serverless' },
];

export function authMethod(p: Pick<Profile, 'auth'>): AuthMethod {
  const m = p.auth?.method;
  return m === 'iam' || m === 'iam-serverless' ? m : 'password';
}

export function usesIAM(p: Pick<Profile, 'auth'>): boolean {
  return authMethod(p) !== 'password';
}

/** Whether the profile's user field is used: AWS picks the user for Serverless and "user from IAM identity". */
export function needsUser(p: Pick<Profile, 'auth'>): boolean {
  const m = authMethod(p);
  if (m === 'iam-serverless') return false;
  if (m === 'iam') return !p.auth?.withIam;
  return true;
}

export interface HostFacts {
  clusterId?: string;
  workgroup?: string;
  region: string;
  serverless: boolean;
}

// The backend's profile.ParseRedshiftHost, for the form's placeholders; the
// backend fills the same values on save.
const CLUSTER_HOST = /^([a-z][a-z0-9-]*)\.[a-z0-9]+\.([a-z]{2}(?:-[a-z]+)+-\d+)\.redshift\.amazonaws\.com(?:\.cn)?\.?$/;
const WORKGROUP_HOST = /^([a-z][a-z0-9-]*)\.\d+\.([a-z]{2}(?:-[a-z]+)+-\d+)\.redshift-serverless\.amazonaws\.com(?:\.cn)?\.?$/;

export function parseRedshiftHost(host: string): HostFacts | null {
  const h = host.trim().toLowerCase();
  let m = CLUSTER_HOST.exec(h);
  if (m) return { clusterId: m[1], region: m[2], serverless: false };
  m = WORKGROUP_HOST.exec(h);
  if (m) return { workgroup: m[1], region: m[2], serverless: true };
  return null;
}

/** Switches the method, keeping the settings typed so far; password drops Auth. */
export function withMethod(auth: AuthSettings | undefined, method: AuthMethod): AuthSettings | undefined {
  if (method === 'password') return undefined;
  return { ...(auth ?? {}), method };
}

/** "a, b  c" -> ["a","b","c"]; the backend trims again. */
export function parseGroups(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((g) => g.trim())
    .filter(Boolean);
}
