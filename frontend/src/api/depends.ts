// Views built on a relation and what it is built from (backend/depends), with
// each relation's kind, owner and how many principals can read it.
import { Dependencies } from '../wailsjs/go/app/CatalogService';
import type { app, depends } from '../wailsjs/go/models';
import { callApi } from './errors';

export type DependencyGraph = app.DependencyGraph;
export type DependencyNode = app.DependencyNode;
export type DependencyRel = depends.Rel;

export const dependsApi = {
  /** One statement, on demand; the readers come from the loaded catalog. */
  around: (sessionId: string, schema: string, relation: string) => callApi(() => Dependencies(sessionId, schema, relation)),
};
