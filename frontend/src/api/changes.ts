// Typed changes (backend/change/change.go) and the ChangesService wrappers.
// The frontend describes what to change; the backend renders the SQL.
import * as Changes from '../wailsjs/go/app/ChangesService';
import type { app, change } from '../wailsjs/go/models';
import { callApi } from './errors';

export type { Capabilities, CatalogSummary, ObjectKind, ObjectRef, PrincipalKind, PrincipalRef } from './catalog';

// The typed changes and plans as the backend defines them (backend/change,
// app/changes.go): generated bindings, named for the app (see ./types.ts).

/** One typed edit. kind says which payload field is read. */
export type Change = change.Change;
export type ChangeKind = Change['kind'];
/**
 * Attributes of a user to create, or those to change (absent = unchanged).
 * password is clear text, sent once; the backend hashes it and never shows it again.
 */
export type UserSpec = change.UserSpec;
export type RoleSpec = change.RoleSpec;
export type GroupSpec = change.GroupSpec;
export type MemberSpec = change.MemberSpec;
export type PrivilegeSpec = change.PrivilegeSpec;
export type Target = PrivilegeSpec['target'];
export type DefaultSpec = change.DefaultSpec;
export type DefaultObjectType = DefaultSpec['objectType'];
export type SystemSpec = change.SystemSpec;

/** One rendered statement; sql is the redacted display form. */
export type PlanStatement = change.Statement;
/** A rendered plan; script is the whole plan, secrets redacted. */
export type PlanView = app.PlanView;

/**
 * What one statement did, checked in the catalog read after COMMIT:
 * ok (its effect is there), no_effect (it ran but the catalog does not show
 * it), unverified (the catalog cannot show it, e.g. a password, or could not
 * be read), unknown (the COMMIT reply was lost and could not be settled),
 * not_applied (rolled back or never run), failed.
 */
export type StatementResult = change.StatementResult;
export type StatementOutcome = StatementResult['outcome'];
/** What an apply did: one result per statement of the plan, and the catalog read again. */
export type ApplyResult = app.ApplyResult;
export type PlanOutcome = ApplyResult['outcome'];

export type AuditEntry = change.AuditEntry;
/** corruptLines: 1-based numbers of lines of the log that are not entries. */
export type AuditPage = change.AuditPage;

export const changesApi = {
  /** Validates and renders; nothing runs. The backend keeps the plan (and its passwords). */
  preview: (sessionId: string, changes: Change[]) =>
    callApi(async () => {
      const v = await Changes.Preview(sessionId, changes);
      return { ...v, statements: v.statements ?? [] };
    }),
  /** Validates and renders for a dialog's preview; the backend keeps nothing, so the plan under review stays current. */
  render: (sessionId: string, changes: Change[]) =>
    callApi(async () => {
      const v = await Changes.Render(sessionId, changes);
      return { ...v, statements: v.statements ?? [] };
    }),
  /** Runs a previewed plan; destructive plans are confirmed by a native dialog first. */
  apply: (planId: string) =>
    callApi(async () => {
      const r = await Changes.Apply(planId);
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
      const p = await Changes.Audit(limit);
      return { entries: p.entries ?? [], corruptLines: p.corruptLines ?? [] };
    }),
};
