// Redshift's grant surface beyond objects: the IAM roles a principal may
// assume (GRANT ASSUMEROLE), and the cluster's datashares and ML models.
// Types are the generated bindings' own.
import * as Catalog from '../wailsjs/go/app/CatalogService';
import { model, type access, type app, type vocab } from '../wailsjs/go/models';
import type { PrincipalRef } from './catalog';
import { callApi } from './errors';

export type AssumeRoleView = app.AssumeRoleView;
export type AssumeRoleAccess = access.AssumeRoleAccess;
export type AssumeRoleVocabulary = vocab.AssumeRole;
export type SurfaceOverview = app.SurfaceOverview;
export type DatashareView = app.DatashareView;
export type ModelView = app.ModelView;
export type AssumeRoleGrant = model.AssumeRoleGrant;

export const surfaceApi = {
  /** The IAM roles a principal may assume, directly or through groups, roles and PUBLIC. */
  assumeRoles: (sessionId: string, ref: PrincipalRef) =>
    callApi(() => Catalog.AssumeRoles(sessionId, ref)),
  /** The ASSUMEROLE lock-down state, datashares and ML models of the cluster. */
  overview: (sessionId: string) => callApi(() => Catalog.Surface(sessionId)),
};
