import * as About from '../wailsjs/go/app/AboutService';
import type { app } from '../wailsjs/go/models';
import { callApi } from './errors';

/** The Local sandbox: whether it runs, and what it needs when it cannot. */
export type SandboxInfo = app.SandboxInfo;
export type AboutInfo = app.AboutInfo;

export const aboutApi = {
  about: () => callApi(() => About.About()),
  thirdPartyLicenses: () => callApi(() => About.ThirdPartyLicenses()),
  sandbox: () => callApi(() => About.Sandbox()),
  /** Starts the Local sandbox (a few seconds: initdb and the seed); it then shows in the connections list. */
  startSandbox: () => callApi(() => About.StartSandbox()),
  /** Starts the sandbox as "Redshift (emulated)" (a few seconds); its profile then shows in the connections list. */
  startEmulatedSandbox: () => callApi(() => About.StartEmulatedSandbox()),
  /** Tells the backend the welcome screen has been painted (it logs the start-up time). */
  painted: () => callApi(() => About.Painted(false)),
  /** Tells the backend the app's code has rendered the welcome screen and it has been painted. */
  interactive: () => callApi(() => About.Interactive()),
};
