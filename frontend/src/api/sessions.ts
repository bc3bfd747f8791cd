import * as Sessions from '../wailsjs/go/app/SessionsService';
import { callApi } from './errors';
import type { ConnectRequest, TestRequest } from './types';

export const sessionsApi = {
  /** Connects once with the form's values and reports the server. */
  test: (req: TestRequest) => callApi(() => Sessions.Test(req)),
  connect: (req: ConnectRequest) => callApi(() => Sessions.Connect(req)),
  /** Starts an IAM Identity Center sign-in for an AWS profile; the backend opens the browser. */
  startAWSSignIn: (awsProfile: string) => callApi(() => Sessions.StartAWSSignIn(awsProfile)),
  /** Waits until the code is confirmed in the browser; cancel(id) stops waiting. */
  finishAWSSignIn: (id: string) => callApi(() => Sessions.FinishAWSSignIn(id)),
  /** Aborts a test or connect still running under attemptId. */
  cancel: (attemptId: string) => callApi(() => Sessions.Cancel(attemptId)),
  disconnect: (sessionId: string) => callApi(() => Sessions.Disconnect(sessionId)),
  // A Go nil slice arrives as null.
  list: () => callApi(async () => (await Sessions.List()) ?? []),
};

/** A fresh id that lets a running test/connect be cancelled. */
export function newAttemptId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}
