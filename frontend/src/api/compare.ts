// Two principals side by side, and the change set that makes the second like the first (backend/compare).
import { Compare } from '../wailsjs/go/app/CatalogService';
import type { compare } from '../wailsjs/go/models';
import type { PrincipalRef } from './catalog';
import { callApi } from './errors';

export type Comparison = compare.Comparison;
export type ComparisonRow = compare.Row;

export const compareApi = {
  principals: (sessionId: string, a: PrincipalRef, b: PrincipalRef) => callApi(() => Compare(sessionId, a, b)),
};
