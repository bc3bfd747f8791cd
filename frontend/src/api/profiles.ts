import * as Profiles from '../wailsjs/go/app/ProfilesService';
import { callApi } from './errors';
import type { ImportResult, SaveProfileRequest } from './types';

export const profilesApi = {
  // A Go nil slice arrives as null.
  list: () => callApi(async () => (await Profiles.List()) ?? []),
  save: (req: SaveProfileRequest) => callApi(() => Profiles.Save(req)),
  /** Asks a native confirmation first; false when the user said no. */
  remove: (id: string) => callApi(() => Profiles.Delete(id)),
  duplicate: (id: string) => callApi(() => Profiles.Duplicate(id)),
  reorder: (ids: string[]) => callApi(() => Profiles.Reorder(ids)),
  /** Fields found in a pasted URL or Redshift endpoint; absent ones are empty. */
  parseURL: (text: string) => callApi(() => Profiles.ParseURL(text)),
  /** Native open dialog; "" when cancelled. */
  pickCAFile: () => callApi(() => Profiles.PickCAFile()),
  /** Native open dialog for an SSH private key; "" when cancelled. */
  pickSSHKeyFile: () => callApi(() => Profiles.PickSSHKeyFile()),
  /** Native save dialog; the path written, or "" when cancelled. */
  exportAll: () => callApi(() => Profiles.Export()),
  /** Native open dialog; merges by name. */
  importFile: () =>
    callApi(async () => {
      const r = await Profiles.Import();
      return { added: r.added ?? [], skipped: r.skipped ?? [], rejected: r.rejected ?? [] } satisfies ImportResult;
    }),
  keychain: () => callApi(() => Profiles.Keychain()),
};
