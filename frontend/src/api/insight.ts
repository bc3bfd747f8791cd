// Who can access what and why, exports and the history of applies
// (InsightService). Answers come from the loaded catalog and the audit log.
import * as Insight from '../wailsjs/go/app/InsightService';
import { app, model } from '../wailsjs/go/models';
import type { EffectiveCell, ObjectRef, PrincipalRef } from './catalog';
import type { Change } from './changes';
import { callApi } from './errors';

/** One principal with access to an object, and why. */
export interface Holder {
  principal: PrincipalRef;
  /** Passes every check, whatever the cells say. */
  superuser?: boolean;
  /** Owns the object itself. */
  owner?: boolean;
  cells: EffectiveCell[];
  /** Redshift scoped permissions covering the object. */
  scoped: EffectiveCell[];
}

/** A principal's grants (principal set), a schema's (schema set) or, both absent, the database's. */
export interface ExportScope {
  principal?: PrincipalRef;
  schema?: string;
}

export type GrantsFormat = 'sql' | 'csv';
export type ReviewFormat = 'csv' | 'html';

export interface HistoryFilter {
  /** YYYY-MM-DD, inclusive; '' = no bound. */
  from: string;
  to: string;
  profileId: string;
  principal: string;
}

export interface HistoryStatement {
  sql: string;
  summary: string;
  outcome: string;
  changeIndex: number;
}

export interface HistoryApply {
  planId: string;
  time: string;
  profile: string;
  profileId: string;
  server: string;
  serverUser: string;
  database: string;
  principals: string[];
  statements: HistoryStatement[];
  changed: boolean;
  revertible: boolean;
  noRevert: string[];
}

export interface HistoryPage {
  applies: HistoryApply[];
  corruptLines: number[];
  profiles: { id: string; name: string }[];
}

export interface RevertPlan {
  changes: Change[];
  noRevert: string[];
}

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const objectRef = (o: ObjectRef) => model.ObjectRef.createFrom(o);

export const insightApi = {
  whoCanAccess: (sessionId: string, obj: ObjectRef) => callApi(async () => arr<Holder>(await Insight.WhoCanAccess(sessionId, objectRef(obj)))),
  /** Resolves to the saved path, '' when the save dialog was cancelled. */
  exportWhoCanAccess: (sessionId: string, obj: ObjectRef, privilege: string) =>
    callApi(() => Insight.ExportWhoCanAccess(sessionId, objectRef(obj), privilege)),
  exportGrants: (sessionId: string, scope: ExportScope, format: GrantsFormat) =>
    callApi(() => Insight.ExportGrants(sessionId, app.GrantsScope.createFrom(scope), format)),
  exportReview: (sessionId: string, format: ReviewFormat) => callApi(() => Insight.ExportReview(sessionId, format)),
  history: (filter: HistoryFilter) => callApi(async () => (await Insight.History(app.HistoryFilter.createFrom(filter))) as unknown as HistoryPage),
  revert: (sessionId: string, planId: string) => callApi(async () => (await Insight.Revert(sessionId, planId)) as unknown as RevertPlan),
};
