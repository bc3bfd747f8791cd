// One store per session: the catalog summary and load state, cached answers of
// the browsing calls (per catalog version), and the session's browsing UI state
// (tab, filters, selection) so it survives tab and session switches.
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import {
  ApiError,
  CATALOG_NOT_LOADED,
  catalogApi,
  isCancelled,
  onEvent,
  toApiError,
  type CatalogProgress,
  type CatalogSummary,
  type ObjectRef,
  type PrincipalRef,
} from '../../api';
import { privilegeOrder } from './format';

export type CatalogStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CatalogState {
  status: CatalogStatus;
  summary: CatalogSummary | null;
  progress: CatalogProgress | null;
  error: ApiError | null;
  /** Bumps after every successful load; cached answers belong to one version. */
  version: number;
  /** The database being switched to, while a switch runs. */
  switchingTo: string | null;
  /** Whether the running load is a refresh of an existing snapshot. */
  refreshing: boolean;
  /** Duration of the last load that really read the server (not the cache). */
  lastLoadMillis: number;
  /** A cancelled refresh keeps the previous snapshot; this says so. */
  notice: string | null;
}

export interface QueryEntry<T = unknown> {
  version: number;
  loading: boolean;
  data: T | undefined;
  error: ApiError | null;
}

const initial: CatalogState = {
  status: 'idle',
  summary: null,
  progress: null,
  error: null,
  version: 0,
  switchingTo: null,
  refreshing: false,
  lastLoadMillis: 0,
  notice: null,
};

type Listener = () => void;

export class SessionCatalog {
  readonly sessionId: string;
  state: CatalogState = initial;
  /** Bumps on every change (for views that read several cached answers). */
  revision = 0;
  private listeners = new Set<Listener>();
  private queries = new Map<string, QueryEntry>();
  private ui = new Map<string, unknown>();
  private loadSeq = 0;

  constructor(sessionId: string) {
    this.sessionId = sessionId;
  }

  subscribe = (l: Listener) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private emit() {
    this.revision++;
    for (const l of [...this.listeners]) l();
  }

  private set(patch: Partial<CatalogState>) {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  /** Loads the catalog (from the backend's cache unless refresh). */
  load = async (refresh = false): Promise<void> => {
    if (this.state.status === 'loading') return;
    const seq = ++this.loadSeq;
    this.set({ status: 'loading', progress: null, error: null, refreshing: refresh && !!this.state.summary, notice: null });
    try {
      const summary = await catalogApi.load(this.sessionId, refresh);
      if (seq === this.loadSeq) this.loaded(summary);
    } catch (e) {
      if (seq === this.loadSeq) this.failed(toApiError(e));
    }
  };

  /** Reconnects to another database of the cluster and loads its catalog. */
  switchDatabase = async (database: string): Promise<void> => {
    if (this.state.status === 'loading' || database === this.state.summary?.database) return;
    const seq = ++this.loadSeq;
    this.set({ status: 'loading', progress: null, error: null, switchingTo: database, refreshing: false, notice: null });
    try {
      const summary = await catalogApi.switchDatabase(this.sessionId, database);
      if (seq !== this.loadSeq) return;
      // Selections name objects of the old database.
      this.ui.delete('objects.selection');
      this.ui.delete('objects.expanded');
      this.loaded(summary);
    } catch (e) {
      if (seq === this.loadSeq) this.failed(toApiError(e));
    }
  };

  cancel = () => {
    void catalogApi.cancel(this.sessionId).catch(() => {});
  };

  private loaded(summary: CatalogSummary) {
    this.queries.clear();
    this.set({
      status: 'ready',
      summary,
      progress: null,
      error: null,
      switchingTo: null,
      refreshing: false,
      version: this.state.version + 1,
      lastLoadMillis: summary.loadMillis > 0 ? summary.loadMillis : this.state.lastLoadMillis,
    });
  }

  private failed(err: ApiError) {
    const { summary, switchingTo } = this.state;
    const keep = { status: 'ready' as const, progress: null, switchingTo: null, refreshing: false };
    if (summary && isCancelled(err) && !switchingTo) {
      // A cancelled refresh leaves the snapshot read before in place.
      this.set({ ...keep, error: null, notice: 'Refresh cancelled: showing the catalog read before.' });
      return;
    }
    if (summary && switchingTo && !isCancelled(err) && err.code !== 'catalog_load_failed') {
      // The reconnect failed, so the session is still on the old database.
      this.set({ ...keep, error: err, notice: `Could not switch to ${switchingTo}; still on ${summary.database}.` });
      return;
    }
    this.set({ status: 'error', progress: null, error: err, switchingTo: null, refreshing: false });
  }

  onProgress(p: CatalogProgress) {
    if (this.state.status === 'loading') this.set({ progress: p });
  }

  /** Clears the notice (and the error of a failed switch shown with it). */
  dismissNotice = () => this.set({ notice: null, error: this.state.status === 'ready' ? null : this.state.error });

  // ── cached answers ──────────────────────────────────────────────

  query<T>(key: string): QueryEntry<T> | undefined {
    const e = this.queries.get(key);
    return e && e.version === this.state.version ? (e as QueryEntry<T>) : undefined;
  }

  /** Starts fetch for key unless the current version has (or is getting) it. */
  ensure<T>(key: string, fetch: () => Promise<T>, force = false) {
    const version = this.state.version;
    if (this.state.status !== 'ready' && !this.state.summary) return;
    const cur = this.queries.get(key);
    if (!force && cur && cur.version === version) return;
    this.queries.set(key, { version, loading: true, data: cur?.version === version ? cur.data : undefined, error: null });
    this.emit();
    fetch().then(
      (data) => {
        if (this.state.version !== version) return;
        this.queries.set(key, { version, loading: false, data, error: null });
        this.emit();
      },
      (e) => {
        if (this.state.version !== version) return;
        const err = toApiError(e);
        this.queries.set(key, { version, loading: false, data: undefined, error: err });
        this.emit();
        // The backend dropped its snapshot (an applied change): read it again.
        if (err.code === CATALOG_NOT_LOADED) void this.load(false);
      },
    );
  }

  // ── browsing UI state ───────────────────────────────────────────

  getUI<T>(key: string, fallback: T): T {
    return this.ui.has(key) ? (this.ui.get(key) as T) : fallback;
  }

  setUI<T>(key: string, value: T) {
    if (Object.is(this.ui.get(key), value)) return;
    this.ui.set(key, value);
    this.emit();
  }
}

const stores = new Map<string, SessionCatalog>();
let progressWired = false;

/** The store of a session, created on first use. */
export function catalogFor(sessionId: string): SessionCatalog {
  let s = stores.get(sessionId);
  if (!s) {
    s = new SessionCatalog(sessionId);
    stores.set(sessionId, s);
  }
  if (!progressWired) {
    progressWired = true;
    onEvent('catalog:progress', (p) => stores.get(p.sessionId)?.onProgress(p));
    onEvent('session:closed', (id) => stores.delete(id));
  }
  return s;
}

/**
 * Re-reads a session's catalog from the server, e.g. after applying changes.
 * Lists and details refetch on their own once it lands.
 */
export function refreshCatalog(sessionId: string): Promise<void> {
  return catalogFor(sessionId).load(true);
}

/** For tests: forget every session's store. */
export function resetCatalogStores() {
  stores.clear();
}

/** The catalog state of a session and its actions. */
export function useCatalog(sessionId: string) {
  const store = catalogFor(sessionId);
  const state = useSyncExternalStore(store.subscribe, () => store.state);
  return { ...state, store, load: store.load, cancel: store.cancel, switchDatabase: store.switchDatabase };
}

/** The session's privilege display order: its vocabulary's (empty until loaded). */
export function usePrivilegeOrder(sessionId: string): string[] {
  const { summary } = useCatalog(sessionId);
  const vocabulary = summary?.vocabulary;
  return useMemo(() => privilegeOrder(vocabulary), [vocabulary]);
}

/**
 * A browsing call answered once per catalog version and shared by every
 * component that asks with the same key. Pass key null to skip.
 */
export function useCatalogQuery<T>(sessionId: string, key: string | null, fetch: () => Promise<T>) {
  const store = catalogFor(sessionId);
  const version = useSyncExternalStore(store.subscribe, () => store.state.version);
  const entry = useSyncExternalStore(store.subscribe, () => (key ? store.query<T>(key) : undefined));
  useEffect(() => {
    if (key) store.ensure(key, fetch);
    // fetch is keyed by key: a new closure for the same key is the same call.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key, version]);
  const reload = useCallback(() => key && store.ensure(key, fetch, true), [store, key, fetch]);
  return {
    data: entry?.data,
    error: entry?.error ?? null,
    loading: !!key && (!entry || entry.loading),
    reload,
  };
}

/**
 * Several cached answers at once (one per key): starts the missing ones and
 * re-renders as they land. Entries are undefined until their first answer.
 */
export function useCatalogQueries<T>(sessionId: string, keys: string[], fetch: (key: string) => Promise<T>): Map<string, QueryEntry<T> | undefined> {
  const store = catalogFor(sessionId);
  useSyncExternalStore(store.subscribe, () => store.revision);
  const version = store.state.version;
  const joined = keys.join('\u0000');
  useEffect(() => {
    for (const k of keys) store.ensure(k, () => fetch(k));
    // keys are compared by value (joined); fetch is keyed by key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, joined, version]);
  return new Map(keys.map((k) => [k, store.query<T>(k)]));
}

/** A piece of the session's browsing state (like useState, but kept per session). */
export function useSessionUI<T>(sessionId: string, key: string, fallbackValue: T): [T, (v: T | ((cur: T) => T)) => void] {
  const store = catalogFor(sessionId);
  // The first fallback is kept: a fresh literal per render would change the snapshot every time.
  const fallback = useRef(fallbackValue).current;
  const value = useSyncExternalStore(store.subscribe, () => store.getUI(key, fallback));
  const set = useCallback(
    (v: T | ((cur: T) => T)) => {
      const next = typeof v === 'function' ? (v as (cur: T) => T)(store.getUI(key, fallback)) : v;
      store.setUI(key, next);
    },
    // fallback is a default, not an input that changes the setter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, key],
  );
  return [value, set];
}

// ── navigation between tabs ───────────────────────────────────────

export type WorkspaceTabValue = 'overview' | 'users' | 'roles' | 'groups' | 'objects' | 'graph';

export const TAB_KEY = 'tab';

/** The list tab that shows a principal kind (PUBLIC is shown with the roles). */
export function tabOfKind(kind: PrincipalRef['kind']): WorkspaceTabValue {
  return kind === 'user' ? 'users' : kind === 'group' ? 'groups' : 'roles';
}

/** UI key of the selected principal of a list tab. */
export const selectedKey = (tab: WorkspaceTabValue) => `${tab}.selected`;

/** Selection in the object browser. */
export type ObjectSelection =
  | { kind: 'database' }
  | { kind: 'schema'; schema: string }
  | { kind: 'object'; schema: string; ref: ObjectRef };

/** Opens a principal's detail in its list tab. */
export function openPrincipal(sessionId: string, ref: PrincipalRef) {
  const s = catalogFor(sessionId);
  const tab = tabOfKind(ref.kind);
  // A search that hides the target would leave its row out of sight: drop it.
  const q = s.getUI<{ text: string } | null>(`${tab}.query`, null);
  if (q?.text.trim() && !ref.name.toLowerCase().includes(q.text.trim().toLowerCase())) s.setUI(`${tab}.query`, { ...q, text: '' });
  s.setUI<PrincipalRef | null>(selectedKey(tab), ref);
  s.setUI(TAB_KEY, tab);
}

/** Opens an object (or schema) in the object browser. */
export function openObject(sessionId: string, ref: ObjectRef) {
  const s = catalogFor(sessionId);
  const schema = ref.schema ?? '';
  let sel: ObjectSelection;
  if (ref.kind === 'database' || ref.kind === 'language' || !schema) sel = { kind: 'database' };
  else if (ref.kind === 'schema') sel = { kind: 'schema', schema };
  else sel = { kind: 'object', schema, ref: ref.kind === 'column' ? { kind: 'table', schema, name: ref.name } : ref };
  if (sel.kind !== 'database') {
    const expanded = s.getUI<string[]>('objects.expanded', []);
    if (!expanded.includes(schema)) s.setUI('objects.expanded', [...expanded, schema]);
  }
  s.setUI('objects.selection', sel);
  s.setUI(TAB_KEY, 'objects');
}
