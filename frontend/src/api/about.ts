import * as About from '../wailsjs/go/app/AboutService';
import { callApi } from './errors';

export interface SandboxInfo {
  running: boolean;
  /** PostgreSQL server binaries were found (binDir). */
  available: boolean;
  binDir: string;
  /** What is missing when not available. */
  need: string;
}

export interface AboutInfo {
  version: string;
  commit: string;
  buildDate: string;
  goVersion: string;
  wails: string;
  platform: string;
  configDir: string;
  profilesFile: string;
  auditLog: string;
  /** "" when the log goes to stderr only. */
  appLog: string;
  packages: number;
  licenses: { license: string; count: number }[];
  sandbox: SandboxInfo;
}

export const aboutApi = {
  about: () => callApi(async () => (await About.About()) as unknown as AboutInfo),
  thirdPartyLicenses: () => callApi(() => About.ThirdPartyLicenses()),
  sandbox: () => callApi(async () => (await About.Sandbox()) as unknown as SandboxInfo),
  /** Starts the Local sandbox (a few seconds: initdb and the seed); it then shows in the connections list. */
  startSandbox: () => callApi(async () => (await About.StartSandbox()) as unknown as SandboxInfo),
  /** Tells the backend the welcome screen has been painted (it logs the start-up time). */
  painted: () => callApi(() => About.Painted()),
};
