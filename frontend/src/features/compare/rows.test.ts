import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../api/compare';
import { groupRows } from './rows';

const row = (section: ComparisonRow['section'], label: string, a: string, b: string): ComparisonRow => ({ section, label, a, b, same: a === b });

describe('comparison rows', () => {
  const rows = [
    row('attributes', 'Superuser', 'no', 'no'),
    row('memberships', 'role reader', '✓', ''),
    row('grants', 'SELECT on table s.t', '✓', '✓'),
    row('grants', 'INSERT on table s.t', '', '✓'),
  ];
  it('groups by section and counts the differences', () => {
    const g = groupRows(rows, false);
    expect(g.map((x) => [x.title, x.rows.length, x.differences])).toEqual([
      ['Attributes', 1, 0],
      ['Memberships', 1, 1],
      ['Privileges', 2, 1],
    ]);
  });
  it('hides equal rows and sections left empty', () => {
    const g = groupRows(rows, true);
    expect(g.map((x) => x.title)).toEqual(['Memberships', 'Privileges']);
    expect(g[1].rows.map((r) => r.label)).toEqual(['INSERT on table s.t']);
  });
});
