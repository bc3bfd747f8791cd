// Grouping the comparison's rows for the side-by-side table.
import type { ComparisonRow } from '../../api/compare';

export const SECTION_TITLE: Record<string, string> = {
  attributes: 'Attributes',
  memberships: 'Memberships',
  grants: 'Privileges',
  defaults: 'Default privileges received',
  system: 'System permissions',
};

export interface RowGroup {
  section: string;
  title: string;
  rows: ComparisonRow[];
  differences: number;
}

/** Rows by section, in the backend's order; onlyDifferences hides equal rows (and empty sections). */
export function groupRows(rows: ComparisonRow[], onlyDifferences: boolean): RowGroup[] {
  const out: RowGroup[] = [];
  for (const r of rows) {
    let g = out.find((x) => x.section === r.section);
    if (!g) {
      g = { section: r.section, title: SECTION_TITLE[r.section] ?? r.section, rows: [], differences: 0 };
      out.push(g);
    }
    if (!r.same) g.differences++;
    if (!onlyDifferences || !r.same) g.rows.push(r);
  }
  return out.filter((g) => g.rows.length > 0);
}
