import '../../app/styles/rest.css';
import {
  Alert,
  Anchor,
  Box,
  Button,
  ColorInput,
  Divider,
  Group,
  Input,
  Loader,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import {
  IconCircleCheck,
  IconClipboardText,
  IconKey,
  IconKeyOff,
  IconLock,
  IconLockOpen,
  IconPlugConnected,
} from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  ApiError,
  ErrorCodes,
  isCancelled,
  newAttemptId,
  profilesApi,
  sessionsApi,
  toApiError,
  type AWSSignIn,
  type ProfileView,
  type ServerInfo,
} from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AwsSignInPrompt } from '../sessions/AwsSignInPrompt';
import { sentence } from '../../components/text';
import { AuthFields } from './AuthFields';
import { needsUser, usesIAM } from './auth';
import { COLOR_SWATCHES, ENGINE_OPTIONS, SSL_MODES } from './defaults';
import { optionValue } from '../../components/options';
import { SshSection } from './SshSection';
import { TlsNote } from './TlsNote';
import {
  applyParsed,
  portIsCustom,
  switchEngine,
  targetChanged,
  toFormValues,
  toProfile,
  urlHasPassword,
  type FormValues,
} from './form';
import { FilePathInput } from './FilePathInput';
import classes from './ProfileForm.module.css';
import { hasErrors, LIMITS, validateProfile, type ProfileErrors } from './validate';

export interface SavedResult {
  connect: boolean;
  /** Only when no keychain holds it: the typed password, for this one connect. */
  password?: string;
}

interface Props {
  initial: ProfileView | null;
  keychainAvailable: boolean;
  onCancel: () => void;
  onSaved: (p: ProfileView, r: SavedResult) => void;
}

type TestState =
  | { kind: 'idle' }
  | { kind: 'running'; attemptId: string }
  | { kind: 'ok'; info: ServerInfo }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'cancelled' };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={8}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

export function ProfileForm({ initial, keychainAvailable, onCancel, onSaved }: Props) {
  const [values, setValues] = useState<FormValues>(() => toFormValues(initial));
  const [portTouched, setPortTouched] = useState(() => (initial ? portIsCustom(toFormValues(initial)) : false));
  const [showErrors, setShowErrors] = useState(false);
  const [password, setPassword] = useState('');
  const [sshSecret, setSshSecret] = useState('');
  const [changingPassword, setChangingPassword] = useState(false);
  const [forgetPassword, setForgetPassword] = useState(false);
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<ApiError | null>(null);
  const [urlNote, setUrlNote] = useState('');
  const [parsing, setParsing] = useState(false);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const [saving, setSaving] = useState<'save' | 'connect' | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const attemptRef = useRef<string | null>(null);
  // IAM Identity Center sign-in offered when a test found the cached token expired.
  const [sso, setSso] = useState<{ signIn: AWSSignIn | null; busy: boolean; error: ApiError | null } | null>(null);
  const resultRef = useRef<HTMLDivElement | null>(null);

  // Results appear below the fields; bring them into view in a scrolled form.
  useEffect(() => {
    if (test.kind !== 'idle' || saveError) resultRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [test.kind, saveError]);

  // A test still running when the form closes is cancelled, not left dangling.
  useEffect(
    () => () => {
      if (attemptRef.current) void sessionsApi.cancel(attemptRef.current).catch(() => {});
    },
    [],
  );

  const existing = !!initial?.id;
  const hasSaved = existing && !!initial?.hasPassword;
  // A saved password goes only to the saved server (the backend enforces it).
  const elsewhere = hasSaved && !!initial && targetChanged(initial, values);
  const errors: ProfileErrors = showErrors ? validateProfile(toProfile(values)) : {};

  const set = <K extends keyof FormValues>(k: K, v: FormValues[K]) => {
    setValues((cur) => ({ ...cur, [k]: v }));
    setSaveError(null);
  };

  const fillFromURL = async (text: string) => {
    const t = text.trim();
    if (!t) return;
    setParsing(true);
    setUrlError(null);
    setUrlNote('');
    try {
      const parsed = await profilesApi.parseURL(t);
      const r = applyParsed(values, parsed, portTouched);
      setValues(r.values);
      setPortTouched(r.portTouched);
      // The URL may hold a password: it is not kept in the form.
      setUrl('');
      const note = r.filled.length ? `Filled ${r.filled.join(', ')} from the URL.` : 'The URL held nothing new for the form.';
      setUrlNote(urlHasPassword(t) ? `${note} The password in the URL was not used: type it in Password.` : note);
    } catch (e) {
      setUrlError(toApiError(e));
    } finally {
      setParsing(false);
    }
  };

  const runTest = async () => {
    setShowErrors(true);
    const p = toProfile(values);
    if (hasErrors(validateProfile(p))) return;
    const attemptId = newAttemptId();
    attemptRef.current = attemptId;
    setTest({ kind: 'running', attemptId });
    try {
      const iam = usesIAM(p);
      const info = await sessionsApi.test({
        profile: p,
        password: iam ? '' : password,
        useStoredPassword: !iam && hasSaved && !changingPassword && !forgetPassword && !password,
        attemptId,
        sshSecret,
      });
      setTest({ kind: 'ok', info });
    } catch (e) {
      setTest(isCancelled(e) ? { kind: 'cancelled' } : { kind: 'failed', error: toApiError(e) });
    } finally {
      attemptRef.current = null;
    }
  };

  const signInToAWS = async () => {
    setSso({ signIn: null, busy: true, error: null });
    try {
      const signIn = await sessionsApi.startAWSSignIn(values.auth?.awsProfile ?? '');
      setSso((cur) => (cur ? { ...cur, signIn } : cur));
      await sessionsApi.finishAWSSignIn(signIn.id);
    } catch (e) {
      const err = toApiError(e);
      if (!isCancelled(err)) setSso((cur) => (cur ? { signIn: null, busy: false, error: err } : cur));
      return;
    }
    setSso(null);
    void runTest();
  };

  const cancelSignIn = () => {
    if (sso?.signIn) void sessionsApi.cancel(sso.signIn.id).catch(() => {});
    setSso(null);
  };

  const cancelTest = () => {
    if (test.kind === 'running') void sessionsApi.cancel(test.attemptId).catch(() => {});
  };

  const save = async (connect: boolean) => {
    setShowErrors(true);
    const p = toProfile(values);
    if (hasErrors(validateProfile(p))) return;
    setSaving(connect ? 'connect' : 'save');
    setSaveError(null);
    // IAM profiles get their password from AWS: nothing typed is kept.
    const typed = usesIAM(p) ? '' : password;
    const storeIt = keychainAvailable && typed !== '';
    try {
      const saved = await profilesApi.save({
        profile: p,
        password: forgetPassword ? '' : storeIt ? typed : '',
        setPassword: storeIt || forgetPassword,
        sshSecret: keychainAvailable ? sshSecret : '',
        setSshSecret: keychainAvailable && sshSecret !== '',
      });
      setPassword('');
      setSshSecret('');
      onSaved(saved, { connect, password: !keychainAvailable && typed ? typed : undefined });
    } catch (e) {
      setSaveError(toApiError(e));
    } finally {
      setSaving(null);
    }
  };

  const iam = usesIAM(values);
  const sslHelp = SSL_MODES.find((m) => m.value === values.sslMode)?.description;
  const running = test.kind === 'running';

  const passwordField = (() => {
    if (hasSaved && !changingPassword) {
      return (
        <TextInput
          label="Password"
          readOnly
          value=""
          placeholder={forgetPassword ? 'Removed when you save' : 'Saved in keychain'}
          leftSection={forgetPassword ? <IconKeyOff size={14} /> : <IconKey size={14} color="var(--mantine-color-teal-6)" />}
          rightSectionWidth={72}
          rightSectionPointerEvents="all"
          rightSection={
            forgetPassword ? (
              <Button variant="subtle" size="compact-xs" onClick={() => setForgetPassword(false)}>
                Undo
              </Button>
            ) : (
              <Button variant="light" size="compact-xs" onClick={() => setChangingPassword(true)}>
                Change
              </Button>
            )
          }
          description={
            forgetPassword ? (
              'The keychain entry goes on save'
            ) : elsewhere ? (
              <>
                It goes only to the saved server: saving these changes forgets it. Press Change and type it to keep one.
              </>
            ) : (
              <>
                Never shown.{' '}
                <Anchor component="button" type="button" size="xs" c="red" onClick={() => setForgetPassword(true)}>
                  Forget it
                </Anchor>
              </>
            )
          }
        />
      );
    }
    return (
      <PasswordInput
        visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what is typed' }}
        label={hasSaved ? 'New password' : 'Password'}
        autoComplete="new-password"
        value={password}
        maxLength={LIMITS.passwordMaxBytes}
        onChange={(e) => setPassword(e.currentTarget.value)}
        data-autofocus={changingPassword || undefined}
        description={
          !keychainAvailable
            ? 'Not saved: no OS keychain here'
            : hasSaved
              ? (
                  <>
                    Replaces the saved one.{' '}
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      onClick={() => {
                        setPassword('');
                        setChangingPassword(false);
                      }}
                    >
                      Keep it
                    </Anchor>
                  </>
                )
              : 'Saved in the OS keychain'
        }
      />
    );
  })();

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      noValidate
    >
      <Stack gap="md" px="md" pt={4} pb="md" className={classes.body}>
        <TextInput
          label="Paste a connection URL"
          placeholder="postgres://…, jdbc:redshift://… or a Redshift endpoint host:5439/dev"
          leftSection={<IconClipboardText size={14} />}
          value={url}
          onChange={(e) => {
            setUrl(e.currentTarget.value);
            setUrlError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void fillFromURL(url);
            }
          }}
          onPaste={(e) => {
            const text = e.clipboardData.getData('text');
            if (text) {
              e.preventDefault();
              setUrl(text);
              void fillFromURL(text);
            }
          }}
          error={urlError ? [sentence(urlError.message), urlError.hint].filter(Boolean).join('. ') : undefined}
          description={!urlError && urlNote ? urlNote : undefined}
          rightSectionWidth={64}
          rightSection={
            parsing ? (
              <Loader size={14} />
            ) : (
              <Button size="compact-xs" variant="light" onClick={() => void fillFromURL(url)} disabled={!url.trim()}>
                Fill
              </Button>
            )
          }
        />

        <Divider />

        <Section title="Server">
          <SimpleGrid cols={2} spacing="sm" verticalSpacing={8}>
            <TextInput
              label="Name"
              placeholder="Production warehouse"
              required
              value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              data-autofocus={!existing || undefined}
            />
            <Input.Wrapper label="Engine" labelElement="div" error={errors.engine}>
              <SegmentedControl
                fullWidth
                mt={2}
                aria-label="Engine"
                value={values.engine}
                onChange={(v) => {
                  const engine = optionValue(ENGINE_OPTIONS, v);
                  if (!engine) return;
                  // IAM is Redshift's: PostgreSQL profiles sign in with a password.
                  setValues((cur) => {
                    const next = switchEngine(cur, engine, portTouched);
                    return engine === 'redshift' ? next : { ...next, auth: undefined };
                  });
                  setSaveError(null);
                }}
                data={ENGINE_OPTIONS}
              />
            </Input.Wrapper>
          </SimpleGrid>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label="Host"
              required
              placeholder={values.engine === 'redshift' ? 'my-cluster.abc123.eu-west-1.redshift.amazonaws.com' : 'db.example.internal'}
              value={values.host}
              onChange={(e) => set('host', e.currentTarget.value)}
              error={errors.host}
              spellCheck={false}
            />
            <NumberInput
              w={110}
              label="Port"
              required
              min={LIMITS.portMin}
              max={LIMITS.portMax}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              thousandSeparator={false}
              hideControls
              value={values.port}
              onChange={(v) => {
                set('port', v);
                setPortTouched(true);
              }}
              error={errors.port}
            />
          </Group>
          <SimpleGrid cols={3} spacing="sm" verticalSpacing={8}>
            <TextInput
              label="Database"
              required
              value={values.database}
              onChange={(e) => set('database', e.currentTarget.value)}
              error={errors.database}
              spellCheck={false}
            />
            {needsUser(values) && (
              <TextInput
                label={iam ? 'Database user' : 'User'}
                required
                autoComplete="off"
                value={values.user}
                onChange={(e) => set('user', e.currentTarget.value)}
                error={errors.user}
                spellCheck={false}
              />
            )}
            {!iam && passwordField}
          </SimpleGrid>
        </Section>

        {values.engine === 'redshift' && (
          <Section title="Authentication">
            <AuthFields
              host={values.host}
              auth={values.auth}
              error={errors.auth}
              onChange={(auth) => set('auth', auth)}
            />
          </Section>
        )}

        <Section title="Security">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <NativeSelect
              w={150}
              label="SSL mode"
              data={SSL_MODES.map((m) => ({ value: m.value, label: m.label }))}
              value={values.sslMode}
              onChange={(e) => {
                const mode = optionValue(SSL_MODES, e.currentTarget.value);
                if (mode) set('sslMode', mode);
              }}
              error={errors.sslMode}
              leftSection={values.sslMode === 'disable' ? <IconLockOpen size={14} /> : <IconLock size={14} />}
            />
            <FilePathInput
              style={{ flex: 1, minWidth: 0 }}
              label="CA file"
              placeholder={values.sslMode.startsWith('verify') ? "Empty: the system's trusted CAs" : 'PEM bundle for verify-ca / verify-full'}
              value={values.caFile ?? ''}
              onChange={(path) => set('caFile', path)}
              error={errors.caFile}
              onBrowse={() => profilesApi.pickCAFile()}
              onBrowseError={(e) => setSaveError(toApiError(e))}
              what="CA file"
            />
            <NumberInput
              w={128}
              label="Connect timeout"
              suffix=" s"
              min={LIMITS.timeoutMin}
              max={LIMITS.timeoutMax}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              value={values.connectTimeoutSec}
              onChange={(v) => set('connectTimeoutSec', v)}
              error={errors.connectTimeoutSec}
            />
          </Group>
          {/* require and disable get TlsNote's fuller warning instead of the one-liner. */}
          {sslHelp && values.sslMode !== 'require' && values.sslMode !== 'disable' && (
            <Text size="xs" c="dimmed" mt={-2}>
              <b>{values.sslMode}</b>: {sslHelp}
            </Text>
          )}
          <TlsNote sslMode={values.sslMode} caFile={values.caFile ?? ''} onVerifyFull={() => set('sslMode', 'verify-full')} />
        </Section>

        <Section title="SSH tunnel">
          <SshSection
            value={values.ssh}
            onChange={(t) => set('ssh', t)}
            secret={sshSecret}
            onSecret={setSshSecret}
            savedAuth={existing ? initial?.ssh?.auth : undefined}
            keychainAvailable={keychainAvailable}
            onBrowse={() => profilesApi.pickSSHKeyFile()}
            onError={(e) => setSaveError(toApiError(e))}
          />
        </Section>

        <Section title="Safety and appearance">
          <SimpleGrid cols={2} spacing="sm" verticalSpacing={8}>
            <Switch
              mt={4}
              label="Read-only / production"
              description="Marks the connection in its colour everywhere and blocks every change."
              checked={values.readOnly}
              onChange={(e) => set('readOnly', e.currentTarget.checked)}
              color="orange"
            />
            <ColorInput
              label="Colour"
              placeholder="No colour"
              format="hex"
              swatches={COLOR_SWATCHES}
              swatchesPerRow={7}
              withEyeDropper={false}
              value={values.color ?? ''}
              onChange={(v) => set('color', v)}
              error={errors.color}
            />
          </SimpleGrid>
        </Section>

        <Box ref={resultRef}>
          <Stack gap="xs">
            <TestResult test={test} onDismiss={() => setTest({ kind: 'idle' })} />
            {test.kind === 'failed' && test.error.code === ErrorCodes.ssoExpired && values.auth && (
              <Group>
                <Button size="xs" variant="light" onClick={() => setSso({ signIn: null, busy: false, error: null })}>
                  Sign in to AWS…
                </Button>
              </Group>
            )}
            {saveError && <ErrorAlert error={saveError} onClose={() => setSaveError(null)} />}
          </Stack>
        </Box>
        {showErrors && hasErrors(errors) && (
          <Text size="xs" c="red" role="status">
            Some fields need attention before the connection can be tested or saved.
          </Text>
        )}
      </Stack>
      <AwsSignInPrompt
        profile={sso ? { ...toProfile(values), hasPassword: false } : null}
        reason={test.kind === 'failed' ? test.error : null}
        signIn={sso?.signIn ?? null}
        error={sso?.error ?? null}
        busy={sso?.busy ?? false}
        onSignIn={() => void signInToAWS()}
        onCancel={cancelSignIn}
      />
      <Group justify="space-between" gap="xs" className={classes.footer}>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconPlugConnected size={14} />}
            loading={running}
            loaderProps={{ size: 12 }}
            onClick={() => void runTest()}
          >
            Test connection
          </Button>
          {running && (
            <Button variant="subtle" color="gray" onClick={cancelTest}>
              Cancel test
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <Button variant="subtle" color="gray" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="default" type="submit" loading={saving === 'save'} disabled={!!saving}>
            Save
          </Button>
          <Button loading={saving === 'connect'} disabled={!!saving} onClick={() => void save(true)}>
            Save & connect
          </Button>
        </Group>
      </Group>
    </form>
  );
}

function TestResult({ test, onDismiss }: { test: TestState; onDismiss: () => void }) {
  if (test.kind === 'ok') {
    const s = test.info;
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck size={18} />}
        title={`Connection works: ${s.version}`}
        withCloseButton
        closeButtonLabel="Dismiss test result"
        onClose={onDismiss}
        role="status"
      >
        <Text size="sm">
          Signed in as <b>{s.user}</b>
          {s.superuser ? ' (superuser)' : ''} to database <b>{s.database}</b> on {s.host}:{s.port}.
        </Text>
      </Alert>
    );
  }
  if (test.kind === 'failed') return <ErrorAlert error={test.error} onClose={onDismiss} />;
  if (test.kind === 'cancelled')
    return (
      <Box>
        <Text size="xs" c="dimmed" role="status">
          Test cancelled.
        </Text>
      </Box>
    );
  if (test.kind === 'running')
    return (
      <Group gap="xs" role="status">
        <Loader size={14} />
        <Text size="xs" c="dimmed">
          Connecting…
        </Text>
      </Group>
    );
  return null;
}
