// The only door to the Go backend. Each domain adds its own file here
// (profiles, sessions, later users, roles, privileges …) and re-exports it.
export * from './types';
export { ApiError, ErrorCodes, callApi, toApiError, isCancelled } from './errors';
export { profilesApi } from './profiles';
export { sessionsApi, newAttemptId } from './sessions';
export { onEvent } from './events';
export { aboutApi } from './about';
export type { AboutInfo, SandboxInfo } from './about';
export * from './catalog';
export type { AppEvents } from './events';
export * from './insight';
export { surfaceApi } from './surface';
export type * from './surface';
