import { describe, expect, it } from 'vitest';
import type { OffboardStep } from '../../api/offboard';
import { blockerWords } from './steps';

const step = (blockers: Partial<OffboardStep['blockers']>): OffboardStep => ({
  kind: 'drop',
  database: 'dev',
  statements: [],
  blockers: { owned: [], grants: 0, defaultsAsCreator: 0, defaultsAsGrantee: 0, ...blockers },
});

describe('offboarding step words', () => {
  it('says what blocks the drop in a database, in counts', () => {
    expect(blockerWords(step({ owned: ['table a.b', 'view a.c'], grants: 1, defaultsAsGrantee: 2, assumeRoles: 1 }))).toBe(
      'owns 2 objects · 1 privilege · 2 default privileges received · 1 IAM role it may assume',
    );
    expect(blockerWords(step({}))).toBe('nothing here');
  });
});
