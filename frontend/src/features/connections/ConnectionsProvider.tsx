import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { profilesApi, type ApiError, type KeychainStatus, type ProfileView, toApiError } from '../../api';
import { afterNextPaint } from '../../app/reportPainted';
import { earlyOr, earlyValue, takeEarly } from '../../app/early';
import { notifyError, notifyInfo, notifySuccess } from '../../components/notify';

export interface EditorState {
  opened: boolean;
  /** null: a new connection. */
  profile: ProfileView | null;
}

interface ConnectionsContextValue {
  profiles: ProfileView[];
  loading: boolean;
  loadError: ApiError | null;
  selectedId: string | null;
  select: (id: string | null) => void;
  selected: ProfileView | null;
  reload: () => Promise<ProfileView[]>;
  duplicate: (p: ProfileView) => Promise<void>;
  remove: (p: ProfileView) => Promise<void>;
  move: (p: ProfileView, delta: -1 | 1) => Promise<void>;
  canMove: (p: ProfileView, delta: -1 | 1) => boolean;
  exportAll: () => Promise<void>;
  importFile: () => Promise<void>;
  editor: EditorState;
  openNew: () => void;
  openEdit: (p: ProfileView) => void;
  closeEditor: () => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
}

const Ctx = createContext<ConnectionsContextValue | null>(null);

export function useConnections(): ConnectionsContextValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useConnections outside ConnectionsProvider');
  return v;
}

// The keychain's status has a context of its own: its answer comes while the
// first screen renders, and would otherwise re-render every connections consumer.
const KeychainCtx = createContext<KeychainStatus | null>(null);

/** Whether an OS keychain can hold passwords; null until known. */
export function useKeychain(): KeychainStatus | null {
  return useContext(KeychainCtx);
}

export const KEYCHAIN_NOTICE_ID = 'keychain-unavailable';

export function ConnectionsProvider({ children }: { children: ReactNode }) {
  const [early] = useState(() => takeEarly<ProfileView[] | null>('profiles'));
  // A Go nil slice arrives as null.
  const [profiles, setProfiles] = useState<ProfileView[]>(() => earlyValue(early) ?? []);
  const [loading, setLoading] = useState(() => earlyValue(early) === undefined);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [earlyKeychain] = useState(() => takeEarly<KeychainStatus>('keychain'));
  const [keychain, setKeychain] = useState<KeychainStatus | null>(() => earlyValue(earlyKeychain) ?? null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editor, setEditor] = useState<EditorState>({ opened: false, profile: null });
  const searchRef = useRef<HTMLInputElement | null>(null);
  const told = useRef(false);

  const reload = useCallback(async () => {
    try {
      const list = await profilesApi.list();
      setProfiles(list);
      setLoadError(null);
      return list;
    } catch (e) {
      setLoadError(toApiError(e));
      return [];
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    // The first render listed what the early call had returned; otherwise its
    // answer when it comes, or (none, or it failed) the list's own call.
    if (earlyValue(early) !== undefined) return;
    void earlyOr<ProfileView[] | null>(early, reload).then((list) => {
      setProfiles(list ?? []);
      setLoading(false);
    });
  }, [early, reload]);

  useEffect(() => {
    if (told.current || earlyValue(earlyKeychain)) return;
    told.current = true;
    // Said once per start: where passwords go, and whether the profile file was damaged.
    earlyOr(earlyKeychain, profilesApi.keychain)
      .then(setKeychain).catch((e) => notifyError(e, 'Cannot check the OS keychain'));
  }, [earlyKeychain]);

  // The keychain's notices come after the first screen has been painted: a
  // toast is never what a start waits for.
  const noticesShown = useRef(false);
  useEffect(() => {
    if (loading || !keychain || noticesShown.current) return;
    return afterNextPaint(() => {
      noticesShown.current = true;
      if (!keychain.available)
        notifyInfo('No OS keychain', keychain.message || 'No OS keychain is available: you will be asked for the password when you connect.', {
          id: KEYCHAIN_NOTICE_ID,
          autoClose: 12000,
        });
      if (keychain.storeWarning) notifyInfo('Saved connections were damaged', keychain.storeWarning, { autoClose: false });
    });
  }, [loading, keychain]);

  const duplicate = useCallback(
    async (p: ProfileView) => {
      try {
        const copy = await profilesApi.duplicate(p.id);
        await reload();
        setSelectedId(copy.id);
        setEditor({ opened: true, profile: copy });
      } catch (e) {
        notifyError(e, `Cannot duplicate "${p.name}"`);
      }
    },
    [reload],
  );

  const remove = useCallback(
    async (p: ProfileView) => {
      try {
        // The backend asks for confirmation with a native dialog.
        const deleted = await profilesApi.remove(p.id);
        if (!deleted) return;
        await reload();
        setSelectedId((cur) => (cur === p.id ? null : cur));
        notifySuccess('Connection deleted', `"${p.name}" and its saved password are gone.`);
      } catch (e) {
        notifyError(e, `Cannot delete "${p.name}"`);
      }
    },
    [reload],
  );

  // The sandbox is not stored, so it never takes part in the order.
  const stored = useMemo(() => profiles.filter((p) => !p.sandbox), [profiles]);

  const canMove = useCallback(
    (p: ProfileView, delta: -1 | 1) => {
      const i = stored.findIndex((s) => s.id === p.id);
      return i >= 0 && i + delta >= 0 && i + delta < stored.length;
    },
    [stored],
  );

  const move = useCallback(
    async (p: ProfileView, delta: -1 | 1) => {
      const ids = stored.map((s) => s.id);
      const i = ids.indexOf(p.id);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= ids.length) return;
      [ids[i], ids[j]] = [ids[j], ids[i]];
      // Reorder at once so the list does not jump back while the backend saves.
      const byId = new Map(profiles.map((x) => [x.id, x]));
      setProfiles([...profiles.filter((x) => x.sandbox), ...ids.map((id) => byId.get(id)!)]);
      try {
        await profilesApi.reorder(ids);
      } catch (e) {
        notifyError(e, 'Cannot save the new order');
      }
      await reload();
    },
    [profiles, stored, reload],
  );

  const exportAll = useCallback(async () => {
    try {
      const path = await profilesApi.exportAll();
      if (path) notifySuccess('Connections exported', `Written to ${path} (without passwords).`);
    } catch (e) {
      notifyError(e, 'Export failed');
    }
  }, []);

  const importFile = useCallback(async () => {
    try {
      const res = await profilesApi.importFile();
      if (!res.added.length && !res.skipped.length && !res.rejected.length) return;
      await reload();
      const parts = [];
      if (res.added.length) parts.push(`Added ${res.added.length}: ${res.added.join(', ')}.`);
      if (res.skipped.length) parts.push(`Skipped ${res.skipped.length} already present: ${res.skipped.join(', ')}.`);
      if (!res.rejected.length) {
        notifySuccess('Connections imported', parts.join(' '));
        return;
      }
      // The file's invalid entries were left out; say which and why.
      parts.push(`Not imported ${res.rejected.length}: ${res.rejected.map((r) => `${r.name} (${r.reason})`).join('; ')}.`);
      notifyInfo(res.added.length ? 'Connections imported, some left out' : 'No connection imported', parts.join(' '));
    } catch (e) {
      notifyError(e, 'Import failed');
    }
  }, [reload]);

  const value = useMemo<ConnectionsContextValue>(
    () => ({
      profiles,
      loading,
      loadError,
      selectedId,
      select: setSelectedId,
      selected: profiles.find((p) => p.id === selectedId) ?? null,
      reload,
      duplicate,
      remove,
      move,
      canMove,
      exportAll,
      importFile,
      editor,
      openNew: () => setEditor({ opened: true, profile: null }),
      openEdit: (p) => {
        if (!p.sandbox) setEditor({ opened: true, profile: p });
      },
      closeEditor: () => setEditor((s) => ({ ...s, opened: false })),
      searchRef,
    }),
    [profiles, loading, loadError, selectedId, reload, duplicate, remove, move, canMove, exportAll, importFile, editor],
  );

  return (
    <Ctx.Provider value={value}>
      <KeychainCtx.Provider value={keychain}>{children}</KeychainCtx.Provider>
    </Ctx.Provider>
  );
}
