import { describe, expect, it } from 'vitest';
import { needsUser, parseGroups, parseRedshiftHost, withMethod } from './auth';
import { validateProfile } from './validate';
import { newProfile } from './defaults';

describe('IAM helpers', () => {
  it('reads cluster, workgroup and region from endpoint host names as the backend does', () => {
    expect(parseRedshiftHost('examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com')).toEqual({
      clusterId: 'examplecluster', region: 'us-west-2', serverless: false,
    });
    expect(parseRedshiftHost('WG.123456789012.eu-central-1.redshift-serverless.amazonaws.com')).toEqual({
      workgroup: 'wg', region: 'eu-central-1', serverless: true,
    });
    expect(parseRedshiftHost('db.example.com')).toBeNull();
  });

  it('needs a user for password and GetClusterCredentials, not for Serverless or the IAM identity', () => {
    expect(needsUser({})).toBe(true);
    expect(needsUser({ auth: { method: 'iam' } })).toBe(true);
    expect(needsUser({ auth: { method: 'iam', withIam: true } })).toBe(false);
    expect(needsUser({ auth: { method: 'iam-serverless' } })).toBe(false);
  });

  it('switching method keeps typed settings; password drops them', () => {
    expect(withMethod({ method: 'iam', awsProfile: 'p' }, 'iam-serverless')).toEqual({ method: 'iam-serverless', awsProfile: 'p' });
    expect(withMethod({ method: 'iam', awsProfile: 'p' }, 'password')).toBeUndefined();
    expect(parseGroups(' a, b  c,,')).toEqual(['a', 'b', 'c']);
  });

  it('validation: no user needed for Serverless, IAM only on Redshift, duration bounds', () => {
    const base = { ...newProfile('redshift'), name: 'n', host: 'h', user: '' };
    expect(validateProfile({ ...base, auth: { method: 'iam-serverless' } }).user).toBeUndefined();
    expect(validateProfile({ ...base, auth: { method: 'iam' } }).user).toBe('User is required');
    expect(validateProfile({ ...base, engine: 'postgres', auth: { method: 'iam-serverless' } }).auth).toMatch(/only for Redshift/);
    expect(validateProfile({ ...base, auth: { method: 'iam-serverless', durationSec: 60 } }).auth).toMatch(/900 to 3600/);
  });
});
