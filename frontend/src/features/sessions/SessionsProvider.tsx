import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  ApiError,
  ErrorCodes,
  isCancelled,
  newAttemptId,
  onEvent,
  profilesApi,
  sessionsApi,
  toApiError,
  type AWSSignIn,
  type ProfileView,
  type SessionInfo,
} from '../../api';
import { notifyError } from '../../components/notify';
import { part } from '../../components/part';
import { WhenOpened } from '../../components/WhenOpened';
import { PendingGuardHost, confirmDropPending } from '../changes/PendingGuard';
import { pending } from '../changes/store';
import { useConnections, useKeychain } from '../connections/ConnectionsProvider';

// The prompts load once the window is idle after the first screen (or when first needed).
const awsSignInPrompt = part(() => import('./AwsSignInPrompt').then((m) => m.AwsSignInPrompt));
const passwordPrompt = part(() => import('./PasswordPrompt').then((m) => m.PasswordPrompt));

interface SessionsContextValue {
  sessions: SessionInfo[];
  active: SessionInfo | null;
  activate: (id: string) => void;
  /** profile id → attempt id of a connect in progress */
  connecting: Record<string, string>;
  connect: (p: ProfileView, password?: string) => Promise<SessionInfo | null>;
  cancelConnect: (profileId: string) => void;
  disconnect: (sessionId: string) => Promise<void>;
}

const Ctx = createContext<SessionsContextValue | null>(null);

export function useSessions(): SessionsContextValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSessions outside SessionsProvider');
  return v;
}

interface PromptState {
  /** "mfa": an IAM profile's AWS role wants an MFA code, not a password. */
  kind: 'password' | 'mfa';
  profile: ProfileView;
  reason: ApiError | null;
  error: ApiError | null;
  busy: boolean;
  /** Set when the SSH tunnel's secret is asked for: the database password typed before it, and whether to keep that. */
  ssh?: { dbPassword: string; rememberDb: boolean };
}

/** An IAM profile whose IAM Identity Center sign-in expired: sign in, then connect. */
interface SignInState {
  profile: ProfileView;
  reason: ApiError;
  signIn: AWSSignIn | null;
  error: ApiError | null;
  busy: boolean;
}

/** The tunnel needs a passphrase or password the keychain does not hold. */
const sshSecretMissing = (e: ApiError) =>
  e.code === ErrorCodes.sshPassphraseRequired || e.code === ErrorCodes.sshPasswordRequired;

/** The typed SSH secret was refused: ask again. */
const sshSecretRefused = (e: ApiError, p: ProfileView) =>
  e.code === ErrorCodes.sshPassphraseWrong || (e.code === ErrorCodes.sshAuthFailed && p.ssh?.auth === 'password');

export function SessionsProvider({ children }: { children: ReactNode }) {
  const [sessions, setSessions] = useState<SessionInfo[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [connecting, setConnecting] = useState<Record<string, string>>({});
  const [prompt, setPrompt] = useState<PromptState | null>(null);
  const [sso, setSso] = useState<SignInState | null>(null);
  const conns = useConnections();
  const keychain = useKeychain();
  // The latest connecting map for callbacks; updated after commit, before the next event.
  const connectingRef = useRef(connecting);
  useLayoutEffect(() => {
    connectingRef.current = connecting;
  }, [connecting]);

  const add = useCallback((s: SessionInfo) => {
    setSessions((cur) => (cur.some((x) => x.id === s.id) ? cur : [...cur, s]));
  }, []);

  const drop = useCallback((id: string) => {
    // Queued changes (and the passwords typed into them) die with the session.
    pending.clear(id);
    setSessions((cur) => {
      const i = cur.findIndex((x) => x.id === id);
      if (i < 0) return cur;
      const next = cur.filter((x) => x.id !== id);
      // Fall back to the neighbour, like closing a tab.
      setActiveId((a) => (a === id ? (next[Math.min(i, next.length - 1)]?.id ?? null) : a));
      return next;
    });
  }, []);

  useEffect(() => {
    sessionsApi
      .list()
      .then((list) => {
        // A start has no session: keeping the same empty list spares the
        // whole window a second render while its first frame is drawn.
        setSessions((cur) => (list.length === 0 && cur.length === 0 ? cur : list));
        setActiveId((a) => a ?? list[0]?.id ?? null);
      })
      .catch(() => {
        // No backend (unit tests, plain browser): start with no sessions.
      });
    const offOpened = onEvent('session:opened', add);
    const offClosed = onEvent('session:closed', drop);
    // A database switch changes what the status bar and tabs show.
    const offUpdated = onEvent('session:updated', (u) => setSessions((cur) => cur.map((x) => (x.id === u.id ? u : x))));
    return () => {
      offOpened();
      offClosed();
      offUpdated();
    };
  }, [add, drop]);

  const attempt = useCallback(
    async (p: ProfileView, password: string, mfaCode = '', sshSecret = ''): Promise<SessionInfo> => {
      const attemptId = newAttemptId();
      setConnecting((c) => ({ ...c, [p.id]: attemptId }));
      try {
        const s = await sessionsApi.connect({ profileId: p.id, password, attemptId, mfaCode, sshSecret });
        add(s);
        setActiveId(s.id);
        return s;
      } finally {
        setConnecting(({ [p.id]: _, ...rest }) => rest);
      }
    },
    [add],
  );

  const connect = useCallback(
    async (p: ProfileView, password = ''): Promise<SessionInfo | null> => {
      if (connectingRef.current[p.id]) return null;
      try {
        // The workspace opening is the confirmation; no toast needed.
        return await attempt(p, password);
      } catch (e) {
        const err = toApiError(e);
        if (isCancelled(err)) return null;
        // No usable password: ask for one, saying why (none saved, or the saved one was refused).
        if (err.code === ErrorCodes.passwordRequired || err.code === ErrorCodes.authFailed) {
          const missing = err.code === ErrorCodes.passwordRequired;
          setPrompt({ kind: 'password', profile: p, reason: missing ? err : null, error: missing ? null : err, busy: false });
          return null;
        }
        if (err.code === ErrorCodes.mfaRequired) {
          setPrompt({ kind: 'mfa', profile: p, reason: err, error: null, busy: false });
          return null;
        }
        if (err.code === ErrorCodes.ssoExpired && p.auth) {
          setSso({ profile: p, reason: err, signIn: null, error: null, busy: false });
          return null;
        }
        if (sshSecretMissing(err)) {
          setPrompt({ kind: 'password', profile: p, reason: err, error: null, busy: false, ssh: { dbPassword: password, rememberDb: false } });
          return null;
        }
        notifyError(err, `Cannot connect to ${p.name}`);
        return null;
      }
    },
    [attempt],
  );

  const connectRef = useRef(connect);
  useLayoutEffect(() => {
    connectRef.current = connect;
  }, [connect]);

  const submitPassword = useCallback(
    async (secret: string, remember: boolean) => {
      if (!prompt) return;
      const p = prompt.profile;
      const mfa = prompt.kind === 'mfa';
      const ssh = prompt.ssh;
      const dbPassword = mfa ? '' : ssh ? ssh.dbPassword : secret;
      const rememberDb = !mfa && (ssh ? ssh.rememberDb : remember);
      setPrompt((s) => (s ? { ...s, busy: true, error: null } : s));
      try {
        await attempt(p, dbPassword, mfa ? secret : '', ssh ? secret : '');
        setPrompt(null);
        const rememberSsh = !!ssh && remember;
        if ((rememberDb && dbPassword) || rememberSsh) {
          // Only after the servers accepted them: a refused secret is never stored.
          const { hasPassword: _, ...profile } = p;
          profilesApi
            .save({
              profile,
              password: rememberDb ? dbPassword : '',
              setPassword: rememberDb && !!dbPassword,
              ...(rememberSsh ? { sshSecret: secret, setSshSecret: true } : {}),
            })
            .then(() => conns.reload())
            .catch((e) => notifyError(e, 'Connected, but the password could not be saved'));
        }
      } catch (e) {
        const err = toApiError(e);
        if (isCancelled(err)) {
          setPrompt((s) => (s ? { ...s, busy: false } : s));
          return;
        }
        // Stay open for another try when the secret (or the MFA code) was wrong; other failures are not its fault.
        const retry = mfa
          ? err.code === ErrorCodes.mfaRequired || err.code === 'aws_access_denied'
          : ssh
            ? sshSecretRefused(err, p)
            : err.code === ErrorCodes.authFailed;
        if (retry) {
          setPrompt((s) => (s ? { ...s, busy: false, error: err } : s));
        } else if (!mfa && !ssh && sshSecretMissing(err)) {
          // The database password came first; the tunnel's secret is next.
          setPrompt({ kind: 'password', profile: p, reason: err, error: null, busy: false, ssh: { dbPassword: secret, rememberDb: remember } });
        } else {
          setPrompt(null);
          notifyError(err, `Cannot connect to ${p.name}`);
        }
      }
    },
    [prompt, attempt, conns],
  );

  const signInAndConnect = useCallback(async () => {
    if (!sso) return;
    const p = sso.profile;
    setSso((s) => (s ? { ...s, busy: true, error: null } : s));
    let id = '';
    try {
      const signIn = await sessionsApi.startAWSSignIn(p.auth?.awsProfile ?? '');
      id = signIn.id;
      setSso((s) => (s ? { ...s, signIn } : s));
      await sessionsApi.finishAWSSignIn(signIn.id);
    } catch (e) {
      const err = toApiError(e);
      if (isCancelled(err)) return;
      setSso((s) => (s && s.profile.id === p.id ? { ...s, busy: false, signIn: null, error: err } : s));
      return;
    }
    setSso(null);
    if (id) void connectRef.current(p);
  }, [sso]);

  const cancelSignIn = useCallback(() => {
    if (sso?.signIn) void sessionsApi.cancel(sso.signIn.id).catch(() => {});
    setSso(null);
  }, [sso]);

  const cancelConnect = useCallback((profileId: string) => {
    const id = connectingRef.current[profileId];
    if (id) void sessionsApi.cancel(id).catch(() => {});
  }, []);

  const disconnect = useCallback(
    async (sessionId: string) => {
      if (!(await confirmDropPending(sessionId, { kind: 'disconnect' }))) return;
      try {
        await sessionsApi.disconnect(sessionId);
        drop(sessionId);
      } catch (e) {
        notifyError(e, 'Disconnect failed');
      }
    },
    [drop],
  );

  const value = useMemo<SessionsContextValue>(
    () => ({
      sessions,
      active: sessions.find((s) => s.id === activeId) ?? null,
      activate: setActiveId,
      connecting,
      connect,
      cancelConnect,
      disconnect,
    }),
    [sessions, activeId, connecting, connect, cancelConnect, disconnect],
  );

  return (
    <Ctx.Provider value={value}>
      {children}
      <PendingGuardHost />
      <WhenOpened opened={!!sso} part={awsSignInPrompt}>
        {(AwsSignInPrompt) => (
          <AwsSignInPrompt
            profile={sso?.profile ?? null}
            reason={sso?.reason ?? null}
            signIn={sso?.signIn ?? null}
            error={sso?.error ?? null}
            busy={sso?.busy ?? false}
            onSignIn={() => void signInAndConnect()}
            onCancel={cancelSignIn}
          />
        )}
      </WhenOpened>
      <WhenOpened opened={!!prompt} part={passwordPrompt}>
        {(PasswordPrompt) => (
          <PasswordPrompt
            profile={prompt?.profile ?? null}
            reason={prompt?.reason ?? null}
            error={prompt?.error ?? null}
            busy={prompt?.busy ?? false}
            kind={prompt?.kind}
            canRemember={!!keychain?.available && !prompt?.profile.sandbox}
            secretLabel={prompt?.ssh ? (prompt.profile.ssh?.auth === 'password' ? 'SSH password' : 'SSH key passphrase') : 'Password'}
            onSubmit={submitPassword}
            onCancel={() => {
              if (prompt?.busy) cancelConnect(prompt.profile.id);
              setPrompt(null);
            }}
          />
        )}
      </WhenOpened>
    </Ctx.Provider>
  );
}
