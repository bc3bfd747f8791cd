// Who can access what and why, exports and the history of applies
// (InsightService). Answers come from the loaded catalog and the audit log.
import * as Insight from '../wailsjs/go/app/InsightService';
import type { access, app } from '../wailsjs/go/models';
import { cellsFromWire, type EffectiveCell, type ObjectRef } from './catalog';
import { callApi } from './errors';

/** One principal with access to an object, and why (owner, superuser, cells, scoped permissions covering it). */
export interface Holder extends Omit<access.WireHolder, 'cells' | 'scoped'> {
  cells: EffectiveCell[];
  scoped: EffectiveCell[];
}

/**
 * Who-can-access in wire form as Holders: holders name their cell lists by
 * index (members of one role share one), whose cells point into shared
 * objects, paths and grantors. Holders with equal lists share one array.
 */
export function holdersFromWire(w: access.WireHolders): Holder[] {
  const t = { objects: w.objects ?? [], paths: w.paths ?? [], grantors: w.grantors ?? [] };
  const lists = (w.cellLists ?? []).map((l) => cellsFromWire(t, l));
  const at = (i: number) => lists[i] ?? [];
  return (w.holders ?? []).map((h) => ({ ...h, cells: at(h.cells), scoped: at(h.scoped) }));
}
/** A principal's grants (principal set), a schema's (schema set) or, both absent, the database's. */
export type ExportScope = app.GrantsScope;

export type GrantsFormat = 'sql' | 'csv';
export type ReviewFormat = 'csv' | 'html';

/** Dates are YYYY-MM-DD, inclusive; '' = no bound. */
export type HistoryFilter = app.HistoryFilter;
export type HistoryStatement = app.HistoryStatement;
export type HistoryApply = app.HistoryApply;
export type HistoryPage = app.HistoryPage;
export type RevertPlan = app.RevertPlan;

export const insightApi = {
  whoCanAccess: (sessionId: string, obj: ObjectRef) => callApi(async () => holdersFromWire(await Insight.WhoCanAccess(sessionId, obj))),
  /** Resolves to the saved path, '' when the save dialog was cancelled. */
  exportWhoCanAccess: (sessionId: string, obj: ObjectRef, privilege: string) =>
    callApi(() => Insight.ExportWhoCanAccess(sessionId, obj, privilege)),
  exportGrants: (sessionId: string, scope: ExportScope, format: GrantsFormat) =>
    callApi(() => Insight.ExportGrants(sessionId, scope, format)),
  exportReview: (sessionId: string, format: ReviewFormat) => callApi(() => Insight.ExportReview(sessionId, format)),
  history: (filter: HistoryFilter) => callApi(() => Insight.History(filter)),
  revert: (sessionId: string, planId: string) => callApi(() => Insight.Revert(sessionId, planId)),
};
