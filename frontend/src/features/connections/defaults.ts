import type { Engine, Profile, SSLMode } from '../../api';

export const DEFAULT_PORT: Record<Engine, number> = { redshift: 5439, postgres: 5432 };

export const ENGINE_LABEL: Record<Engine, string> = { redshift: 'Redshift', postgres: 'PostgreSQL' };

export const ENGINE_OPTIONS: { value: Engine; label: string }[] = [
  { value: 'redshift', label: ENGINE_LABEL.redshift },
  { value: 'postgres', label: ENGINE_LABEL.postgres },
];

export const DEFAULT_TIMEOUT_SEC = 15;

/**
 * New profiles verify Redshift fully: its endpoints carry certificates from a
 * public CA that name the endpoint, so the system's trusted CAs suffice.
 * PostgreSQL servers often have private certificates, so they start at require.
 */
export const DEFAULT_SSL: Record<Engine, SSLMode> = { redshift: 'verify-full', postgres: 'require' };

export const SSL_MODES: { value: SSLMode; label: string; description: string }[] = [
  { value: 'disable', label: 'disable', description: 'No encryption. Only for local or fully trusted networks.' },
  {
    value: 'require',
    label: 'require',
    description: 'Encrypted, but the server certificate is not verified.',
  },
  {
    value: 'verify-ca',
    label: 'verify-ca',
    description: 'Encrypted, and the certificate must be signed by a trusted CA (the CA file, or the system roots). The host name is not checked.',
  },
  {
    value: 'verify-full',
    label: 'verify-full',
    description: 'Encrypted, trusted CA (the CA file, or the system roots), and the certificate must name this host. The safest mode, and the default for Redshift.',
  },
];

/** Colours offered for a connection: calm ones for dev, loud ones for production. */
export const COLOR_SWATCHES = [
  '#e8590c',
  '#e03131',
  '#c2255c',
  '#9c36b5',
  '#6741d9',
  '#3b5bdb',
  '#1c7ed6',
  '#0c8599',
  '#099268',
  '#2f9e44',
  '#66a80f',
  '#f08c00',
  '#868e96',
];

export function newProfile(engine: Engine = 'redshift'): Profile {
  return {
    id: '',
    name: '',
    engine,
    host: '',
    port: DEFAULT_PORT[engine],
    database: engine === 'redshift' ? 'dev' : 'postgres',
    user: '',
    sslMode: DEFAULT_SSL[engine],
    caFile: '',
    connectTimeoutSec: DEFAULT_TIMEOUT_SEC,
    readOnly: false,
    color: '',
  };
}

export function engineLabel(e: string): string {
  return ENGINE_OPTIONS.find((o) => o.value === e)?.label ?? e;
}
