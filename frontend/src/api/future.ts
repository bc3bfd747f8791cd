// What an object created tomorrow will get, and for whom (backend/future).
import { FutureObject } from '../wailsjs/go/app/CatalogService';
import type { future } from '../wailsjs/go/models';
import type { DefaultObjectType, PrincipalRef } from './catalog';
import { callApi } from './errors';

export type FutureAnswer = future.Answer;
export type FutureEntry = future.Entry;

export const futureApi = {
  /** From the loaded catalog: default privileges, Redshift scoped permissions, ownership, built-in grants. */
  simulate: (sessionId: string, creator: PrincipalRef, schema: string, objectType: DefaultObjectType) =>
    callApi(() => FutureObject(sessionId, creator, schema, objectType)),
};
