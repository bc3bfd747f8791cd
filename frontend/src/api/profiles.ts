import * as Profiles from '../wailsjs/go/app/ProfilesService';
import { app } from '../wailsjs/go/models';
import { callApi } from './errors';
import type { ImportResult, KeychainStatus, Profile, ProfileView, SaveProfileRequest } from './types';

// The generated models are classes; the data is plain JSON either way.
const asProfile = (p: unknown) => p as Profile;

export const profilesApi = {
  list: () => callApi(async () => ((await Profiles.List()) ?? []) as unknown as ProfileView[]),
  save: (req: SaveProfileRequest) =>
    callApi(async () => (await Profiles.Save(app.SaveProfileRequest.createFrom(req))) as unknown as ProfileView),
  /** Asks a native confirmation first; false when the user said no. */
  remove: (id: string) => callApi(() => Profiles.Delete(id)),
  duplicate: (id: string) => callApi(async () => (await Profiles.Duplicate(id)) as unknown as ProfileView),
  reorder: (ids: string[]) => callApi(() => Profiles.Reorder(ids)),
  /** Fields found in a pasted URL or Redshift endpoint; absent ones are empty. */
  parseURL: (text: string) => callApi(async () => asProfile(await Profiles.ParseURL(text))),
  /** Native open dialog; "" when cancelled. */
  pickCAFile: () => callApi(() => Profiles.PickCAFile()),
  /** Native open dialog for an SSH private key; "" when cancelled. */
  pickSSHKeyFile: () => callApi(() => Profiles.PickSSHKeyFile()),
  /** Native save dialog; the path written, or "" when cancelled. */
  exportAll: () => callApi(() => Profiles.Export()),
  /** Native open dialog; merges by name. */
  importFile: () =>
    callApi(async () => {
      const r = (await Profiles.Import()) as unknown as ImportResult | null;
      return { added: r?.added ?? [], skipped: r?.skipped ?? [] } satisfies ImportResult;
    }),
  keychain: () => callApi(async () => (await Profiles.Keychain()) as unknown as KeychainStatus),
};
