import * as Sessions from '../wailsjs/go/app/SessionsService';
import { app } from '../wailsjs/go/models';
import { callApi } from './errors';
import type { AWSSignIn, ConnectRequest, ServerInfo, SessionInfo, TestRequest } from './types';

export const sessionsApi = {
  /** Connects once with the form's values and reports the server. */
  test: (req: TestRequest) =>
    callApi(async () => (await Sessions.Test(app.TestRequest.createFrom(req))) as unknown as ServerInfo),
  connect: (req: ConnectRequest) =>
    callApi(async () => (await Sessions.Connect(app.ConnectRequest.createFrom(req))) as unknown as SessionInfo),
  /** Starts an IAM Identity Center sign-in for an AWS profile; the backend opens the browser. */
  startAWSSignIn: (awsProfile: string) =>
    callApi(async () => (await Sessions.StartAWSSignIn(awsProfile)) as unknown as AWSSignIn),
  /** Waits until the code is confirmed in the browser; cancel(id) stops waiting. */
  finishAWSSignIn: (id: string) => callApi(() => Sessions.FinishAWSSignIn(id)),
  /** Aborts a test or connect still running under attemptId. */
  cancel: (attemptId: string) => callApi(() => Sessions.Cancel(attemptId)),
  disconnect: (sessionId: string) => callApi(() => Sessions.Disconnect(sessionId)),
  list: () => callApi(async () => ((await Sessions.List()) ?? []) as unknown as SessionInfo[]),
};

/** A fresh id that lets a running test/connect be cancelled. */
export function newAttemptId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}
