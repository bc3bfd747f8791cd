// Views built on a relation and what it is built from (backend/depends).
import { Dependencies } from '../wailsjs/go/app/CatalogService';
import type { depends } from '../wailsjs/go/models';
import { callApi } from './errors';

export type DependencyGraph = depends.Graph;
export type DependencyRel = depends.Rel;

export const dependsApi = {
  /** One statement, on demand. */
  around: (sessionId: string, schema: string, relation: string) => callApi(() => Dependencies(sessionId, schema, relation)),
};
