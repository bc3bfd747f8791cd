// Offboarding a user from every database of the cluster (backend/offboard).
import { Apply, Discard, Scan } from '../wailsjs/go/app/OffboardService';
import { offboard, type app } from '../wailsjs/go/models';
import { callApi } from './errors';

export type OffboardRequest = offboard.Request;
export type OffboardView = app.OffboardView;
export type OffboardStep = offboard.Step;
export type OffboardStepResult = offboard.StepResult;
export type OffboardResult = offboard.Result;
/** The "offboard:progress" event (app.OffboardProgress): one step started or ended. */
export interface OffboardProgress {
  sessionId: string;
  step: number;
  total: number;
  result: OffboardStepResult;
}

export const offboardApi = {
  /** Scans every database for what blocks DROP USER and plans each one. */
  scan: (sessionId: string, req: OffboardRequest) => callApi(() => Scan(sessionId, req)),
  /** Runs the scanned plans one database at a time (after a native confirmation). */
  apply: (sessionId: string, scanId: string) => callApi(() => Apply(sessionId, scanId)),
  discard: (sessionId: string) => callApi(() => Discard(sessionId)),
};
