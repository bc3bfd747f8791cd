import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Drawer,
  EmptyState,
  Group,
  Paper,
  Popover,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconCheck,
  IconHelpCircle,
  IconPlayerStop,
  IconArrowLeft,
  IconArrowUp,
  IconCode,
  IconCopy,
  IconDeviceFloppy,
  IconHierarchy2,
  IconInbox,
  IconKey,
  IconCircleOff,
  IconFlask,
  IconLock,
  IconMinus,
  IconPlayerPlay,
  IconPlus,
  IconShieldLock,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { toApiError, type ApiError, type SessionInfo } from '../../api';
import { changesApi, type ApplyResult, type PlanView, type PrincipalRef, type StatementOutcome, type StatementResult } from '../../api/changes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError, notifyInfo, notifySuccess } from '../../components/notify';
import { sentence } from '../../components/text';
import { catalogFor } from '../catalog/store';
import { openEditor } from '../editors/editorStore';
import { useEditorEnv } from '../editors/env';
import { describeChange } from './describe';
import { SqlCode } from './SqlCode';
import { pending, usePending, type PendingItem } from './store';

/** The server's detail of a failed statement: the error's detail without the statement itself. */
export function serverDetail(detail: string, sql: string): string {
  const d = detail.trim();
  return (d.startsWith(sql) ? d.slice(sql.length) : d).trim();
}

/** "statement 3 of 5 failed: …" → 2 (zero-based), or -1. */
export function failedStatementIndex(message: string): number {
  const m = /statement (\d+) of \d+ failed/.exec(message);
  return m ? Number(m[1]) - 1 : -1;
}

interface ApplyFailure {
  error: ApiError;
  index: number;
}

function ItemRow({
  item,
  index,
  count,
  sessionId,
  isRedshift,
  onEdit,
}: {
  item: PendingItem;
  index: number;
  count: number;
  sessionId: string;
  isRedshift: boolean;
  onEdit: () => void;
}) {
  const d = describeChange(item.change, isRedshift);
  const hasPassword = item.change.user?.password !== undefined;
  const c = item.change;
  // A principal this set creates can be given memberships and privileges before apply.
  const created: PrincipalRef | null =
    c.kind === 'create_user' && c.user
      ? { kind: 'user', name: c.user.name }
      : c.kind === 'create_role' && c.role
        ? { kind: 'role', name: c.role.name }
        : c.kind === 'create_group' && c.group
          ? { kind: 'group', name: c.group.name }
          : null;
  const edit = (spec: Parameters<typeof openEditor>[1]) => () => {
    onEdit();
    openEditor(sessionId, spec);
  };
  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      role="listitem"
      aria-label={d.text}
      data-destructive={d.destructive || undefined}
      style={{ borderLeft: `3px solid var(--mantine-color-${d.destructive ? 'red' : 'teal'}-6)` }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon size={20} radius="xl" variant="light" color={d.destructive ? 'red' : 'teal'} mt={1}>
          {d.destructive ? <IconMinus size={12} /> : <IconPlus size={12} />}
        </ThemeIcon>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" c={d.destructive ? 'red' : undefined} style={{ wordBreak: 'break-word' }}>
            <Text span c="dimmed" size="xs" mr={6}>
              {index + 1}.
            </Text>
            {d.text}
          </Text>
          {d.loss && (
            <Text size="xs" c="red.7" mt={2}>
              {d.loss}
            </Text>
          )}
          <Group gap={4} mt={4}>
            {item.origin !== 'form' && (
              <Badge size="xs" variant="light" color="gray">
                {item.origin === 'matrix' ? 'from the matrix' : 'whole schema'}
              </Badge>
            )}
            {hasPassword && (
              <Badge size="xs" variant="light" color="blue" leftSection={<IconKey size={10} />}>
                password: set
              </Badge>
            )}
            {created && created.kind !== 'group' && (
              <Button size="compact-xs" variant="subtle" leftSection={<IconHierarchy2 size={12} />} onClick={edit({ type: 'membership', principal: created })}>
                Memberships…
              </Button>
            )}
            {created && (
              <Button size="compact-xs" variant="subtle" leftSection={<IconShieldLock size={12} />} onClick={edit({ type: 'privileges', principal: created })}>
                Privileges…
              </Button>
            )}
          </Group>
        </Box>
        <Group gap={0} wrap="nowrap">
          <Tooltip label="Move up">
            <ActionIcon size="sm" aria-label="Move up" disabled={index === 0} onClick={() => pending.move(sessionId, item.id, -1)}>
              <IconArrowUp size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down">
            <ActionIcon size="sm" aria-label="Move down" disabled={index === count - 1} onClick={() => pending.move(sessionId, item.id, 1)}>
              <IconArrowDown size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove from the set">
            <ActionIcon size="sm" color="red" aria-label={`Remove change ${index + 1}`} onClick={() => pending.remove(sessionId, item.id)}>
              <IconX size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
}

/** How each statement outcome reads in the tray. */
export const OUTCOME_LOOK: Record<StatementOutcome, { label: string; color: string; explain: string }> = {
  ok: { label: 'applied', color: 'teal', explain: 'Ran, and the catalog read afterwards shows its effect.' },
  no_effect: { label: 'no effect', color: 'orange', explain: 'Ran, but the catalog read afterwards does not show its effect.' },
  unverified: { label: 'applied, not checked', color: 'gray', explain: 'Ran; the catalog cannot show this effect (e.g. a password), or could not be read.' },
  unknown: { label: 'outcome unknown', color: 'yellow', explain: 'The server’s answer to COMMIT was lost; refresh and compare.' },
  not_applied: { label: 'not applied', color: 'gray', explain: 'Rolled back or never run.' },
  failed: { label: 'failed', color: 'red', explain: 'This statement failed.' },
};

function OutcomeBadge({ result }: { result: StatementResult }) {
  const look = OUTCOME_LOOK[result.outcome] ?? OUTCOME_LOOK.unknown;
  const icon =
    result.outcome === 'ok' ? <IconCheck size={10} /> : result.outcome === 'no_effect' ? <IconCircleOff size={10} /> : result.outcome === 'unknown' ? <IconHelpCircle size={10} /> : undefined;
  return (
    <Tooltip label={look.explain} multiline w={260}>
      <Badge size="xs" color={look.color} variant={result.outcome === 'no_effect' || result.outcome === 'unknown' ? 'filled' : 'light'} leftSection={icon} data-outcome={result.outcome}>
        {look.label}
      </Badge>
    </Tooltip>
  );
}

function StatementList({
  plan,
  failure,
  outcomes,
  backslashEscapes,
}: {
  plan: PlanView;
  failure: ApplyFailure | null;
  outcomes: StatementResult[] | null;
  backslashEscapes: boolean;
}) {
  return (
    <Stack gap="xs" role="list" aria-label="SQL statements">
      {plan.statements.map((s, i) => {
        const failed = failure?.index === i;
        const result = outcomes?.[i];
        const notices = result?.notices ?? [];
        return (
          <Box
            key={i}
            role="listitem"
            aria-label={`Statement ${i + 1}`}
            data-failed={failed || undefined}
            p={failed ? 6 : 0}
            style={failed ? { border: '2px solid var(--mantine-color-red-6)', borderRadius: 'var(--mantine-radius-sm)' } : undefined}
          >
            <Group gap={6} mb={4} wrap="nowrap" align="flex-start">
              <Text size="xs" c="dimmed" fw={700} w={22} ta="right" style={{ flexShrink: 0 }}>
                {i + 1}
              </Text>
              <Text size="xs" c={s.destructive ? 'red' : undefined} style={{ flex: 1 }}>
                {s.summary}
              </Text>
              {s.destructive && (
                <Badge size="xs" color="red" variant="light">
                  destructive
                </Badge>
              )}
              {s.outsideTransaction && (
                <Badge size="xs" color="orange" variant="light">
                  outside transaction
                </Badge>
              )}
              {failed && (
                <Badge size="xs" color="red" variant="filled">
                  failed
                </Badge>
              )}
              {result && !failed && <OutcomeBadge result={result} />}
            </Group>
            <Box pl={28}>
              <SqlCode sql={s.sql} backslashEscapes={backslashEscapes} />
            </Box>
            {result && !failed && (result.detail || notices.length > 0) && (
              <Box pl={28} mt={4} aria-label={`Outcome of statement ${i + 1}`}>
                {result.detail && result.outcome !== 'ok' && (
                  <Text size="xs" c={result.outcome === 'no_effect' ? 'orange.8' : 'dimmed'}>
                    {sentence(result.detail)}
                  </Text>
                )}
                {notices.map((n, k) => (
                  <Text key={k} size="xs" ff="monospace" c={n.startsWith('WARNING') ? 'orange.8' : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                    {n}
                  </Text>
                ))}
              </Box>
            )}
            {failed && failure && (
              <Box pl={28} mt={6}>
                <Text size="sm" c="red" fw={600}>
                  {sentence(failure.error.message)}
                </Text>
                {serverDetail(failure.error.detail, s.sql) && (
                  <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} mt={2}>
                    {serverDetail(failure.error.detail, s.sql)}
                  </Text>
                )}
                {failure.error.hint && <Text size="xs" mt={2}>{failure.error.hint}</Text>}
              </Box>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}

/** The whole apply in one alert: applied, with statements that had no effect, reload or audit trouble. */
function ResultSummary({ result }: { result: ApplyResult }) {
  const lost = result.commitReplyLost ? ' The server’s answer to COMMIT was lost; the catalog read afterwards shows the changes committed.' : '';
  if (result.reloadError) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" title="Applied; reload failed">
        <Text size="sm">
          The changes were committed{lost ? ' (the COMMIT answer was lost)' : ''}, but the catalog could not be read again, so their effect is not checked: {result.reloadError}
        </Text>
        <Text size="xs" mt={4}>
          They have left the pending list. Refresh the catalog to see them.
        </Text>
      </Alert>
    );
  }
  const noEffect = result.noEffect;
  return (
    <Stack gap={6}>
      {noEffect > 0 ? (
        <Alert color="orange" variant="light" icon={<IconCircleOff size={16} />} role="alert" title={`${noEffect} statement${noEffect === 1 ? '' : 's'} had no effect`}>
          <Text size="sm">
            The transaction committed, but the catalog read afterwards does not show what {noEffect === 1 ? 'this statement' : 'these statements'} should have done (marked “no effect” below).{lost}
          </Text>
        </Alert>
      ) : (
        <Alert color="teal" variant="light" icon={<IconCheck size={16} />} title={`${result.executed} statement${result.executed === 1 ? '' : 's'} applied`}>
          <Text size="sm">Each statement’s effect was checked in the catalog read after COMMIT.{lost}</Text>
        </Alert>
      )}
      {result.auditError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" title="Applied, but not recorded in the audit log">
          <Text size="sm">{result.auditError}</Text>
        </Alert>
      )}
    </Stack>
  );
}

/** A failed, cancelled or undecided apply. */
function FailureAlert({ failure, transactional }: { failure: ApplyFailure; transactional: boolean }) {
  const code = failure.error.code;
  const unknown = code === 'commit_outcome_unknown';
  const cancelled = code === 'apply_cancelled';
  return (
    <Alert
      color={unknown ? 'yellow' : cancelled ? 'gray' : 'red'}
      variant="light"
      icon={unknown ? <IconHelpCircle size={16} /> : <IconAlertTriangle size={16} />}
      role="alert"
      title={unknown ? 'Outcome unknown' : sentence(failure.error.message)}
    >
      <Stack gap={4}>
        {unknown && <Text size="sm">{sentence(failure.error.message)}</Text>}
        {failure.error.hint && <Text size="sm">{failure.error.hint}</Text>}
        <Text size="xs">
          {failure.index >= 0 ? `Statement ${failure.index + 1} is marked below. ` : ''}
          {transactional && !failure.error.hint ? 'The transaction was rolled back: nothing changed. ' : ''}Your changes are kept: go back to edit them, then review again.
        </Text>
      </Stack>
    </Alert>
  );
}

/**
 * The pending change set of a session in a drawer: reorder or remove changes,
 * review the SQL the backend renders, then copy, save, apply or discard it.
 */
export function PendingTray({ session, opened, onClose }: { session: SessionInfo; opened: boolean; onClose: () => void }) {
  const sid = session.id;
  const env = useEditorEnv(session);
  const rs = env.engine === 'redshift';
  const items = usePending(sid);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<ApplyFailure | null>(null);
  // The outcome of the last apply, statement by statement (the tray shows it until Done).
  const [result, setResult] = useState<ApplyResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | 'save' | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const destructiveItems = items.filter((i) => describeChange(i.change, rs).destructive).length;
  // Why Apply cannot run on this connection at all (the backend says; it refuses too).
  const refusal = plan?.applyRefusal || '';
  const applyBlocked = env.readOnly || !!plan?.readOnly || !!refusal;

  const dropPlan = () => {
    // The backend keeps a previewed plan with its passwords until discarded;
    // the typed changes (passwords included) stay queued here.
    if (plan && !result) void changesApi.discard(plan.id).catch(() => {});
    setPlan(null);
    setFailure(null);
    setResult(null);
  };

  const close = () => {
    dropPlan();
    setPreviewError(null);
    onClose();
  };

  const review = async () => {
    setBusy('preview');
    setPreviewError(null);
    setFailure(null);
    setResult(null);
    try {
      setPlan(await changesApi.preview(sid, pending.changes(sid)));
    } catch (e) {
      setPreviewError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const cancelApply = () => {
    if (!plan) return;
    setCancelling(true);
    void changesApi.cancel(plan.id).catch((e) => notifyError(e, 'Could not cancel'));
  };

  const apply = async () => {
    if (!plan) return;
    setBusy('apply');
    setCancelling(false);
    try {
      const r = await changesApi.apply(plan.id);
      if (r.cancelled) {
        notifyInfo('Nothing was applied', 'The confirmation was declined; the changes are still pending.');
        return;
      }
      // What was applied is applied: it leaves the queue even if the reload failed.
      if (r.applied) pending.clear(sid);
      setFailure(null);
      setResult(r);
      const where = session.profileName || session.server.host;
      if (r.reloadError) notifyInfo('Applied; reload failed', `${where}: refresh the catalog to see the changes.`);
      else if (r.noEffect > 0) notifyInfo('Applied, but not everything took effect', `${r.noEffect} statement${r.noEffect === 1 ? '' : 's'} changed nothing: see the tray.`);
      else notifySuccess(`${r.executed} statement${r.executed === 1 ? '' : 's'} applied`, `${where}: the catalog was read again and checked.`);
      void catalogFor(sid).load(!!r.reloadError);
    } catch (e) {
      const error = toApiError(e);
      setFailure({ error, index: failedStatementIndex(error.message) });
      // Some statements outside the transaction may have run: re-read.
      void catalogFor(sid).load(false);
    } finally {
      setBusy(null);
      setCancelling(false);
    }
  };

  const save = async () => {
    if (!plan) return;
    setBusy('save');
    try {
      const path = await changesApi.saveScript(plan.id);
      if (path) notifySuccess('Script saved', path);
    } catch (e) {
      notifyError(e, 'Could not save the script');
    } finally {
      setBusy(null);
    }
  };

  const copy = async () => {
    if (!plan) return;
    try {
      await navigator.clipboard.writeText(plan.script);
      notifySuccess('SQL copied', `${plan.statements.length} statement${plan.statements.length === 1 ? '' : 's'}, passwords redacted`);
    } catch (e) {
      notifyError(e, 'Could not copy to the clipboard');
    }
  };

  const discardAll = () => {
    dropPlan();
    pending.clear(sid);
    setConfirmDiscard(false);
    setPreviewError(null);
    notifyInfo('Changes discarded', 'Nothing was applied.', { autoClose: 3500 });
  };

  const title = (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon variant="light" size="md" radius="sm">
        {plan ? <IconCode size={16} /> : <IconInbox size={16} />}
      </ThemeIcon>
      <Stack gap={0}>
        <Text fw={600}>{result ? 'Apply result' : plan ? 'Review SQL' : 'Pending changes'}</Text>
        <Text size="xs" c="dimmed">
          {session.profileName || session.server.host} · {env.database}
        </Text>
      </Stack>
      <Badge size="sm" variant="light" ml={4}>
        {plan ? `${plan.statements.length} statement${plan.statements.length === 1 ? '' : 's'}` : `${items.length} change${items.length === 1 ? '' : 's'}`}
      </Badge>
    </Group>
  );

  const discardButton = (
    <Popover opened={confirmDiscard} onChange={setConfirmDiscard} position="top" withArrow shadow="md">
      <Popover.Target>
        <Button variant="subtle" color="red" leftSection={<IconTrash size={14} />} disabled={items.length === 0 || busy === 'apply'} onClick={() => setConfirmDiscard((o) => !o)}>
          Discard
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={260}>
          <Text size="sm">
            Discard all {items.length} pending change{items.length === 1 ? '' : 's'}? Nothing has been applied.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setConfirmDiscard(false)}>
              Keep
            </Button>
            <Button size="xs" color="red" onClick={discardAll}>
              Discard all
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );

  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size={plan ? 760 : 600}
      title={title}
      padding="md"
      styles={{ content: { display: 'flex', flexDirection: 'column' }, body: { flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0, paddingTop: 0 } }}
      aria-label="Pending changes"
    >
      <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
        {env.readOnly && (
          <Alert color="orange" variant="light" icon={<IconLock size={16} />} p="xs" title="Read-only connection">
            <Text size="xs">You can review the SQL, copy it or save it as a script; applying is refused for this connection.</Text>
          </Alert>
        )}

        {!plan && (
          <>
            {previewError && <ErrorAlert error={previewError} onClose={() => setPreviewError(null)} />}
            {items.length === 0 ? (
              <EmptyState
                icon={<IconInbox size={28} stroke={1.6} />}
                title="No pending changes"
                description="Create or edit users, roles and groups, or tick privileges in a matrix: every edit waits here until you review its SQL and apply it."
                mt="xl"
              />
            ) : (
              <>
                {destructiveItems > 0 && (
                  <Text size="xs" c="red">
                    {destructiveItems} change{destructiveItems === 1 ? '' : 's'} remove access or objects (in red); applying them asks for confirmation.
                  </Text>
                )}
                <ScrollArea style={{ flex: 1 }} offsetScrollbars>
                  <Stack gap={6} role="list" aria-label="Pending change list">
                    {items.map((it, i) => (
                      <ItemRow key={it.id} item={it} index={i} count={items.length} sessionId={sid} isRedshift={rs} onEdit={close} />
                    ))}
                  </Stack>
                </ScrollArea>
              </>
            )}
            <Group justify="space-between" wrap="nowrap" pt="xs" style={{ borderTop: '1px solid var(--app-border)' }}>
              {discardButton}
              <Button leftSection={<IconCode size={14} />} onClick={() => void review()} loading={busy === 'preview'} disabled={items.length === 0}>
                Review SQL
              </Button>
            </Group>
          </>
        )}

        {plan && (
          <>
            {!result && (
              <Group gap="xs">
                <Button variant="subtle" size="xs" leftSection={<IconArrowLeft size={14} />} onClick={dropPlan} disabled={busy === 'apply'}>
                  Back to changes
                </Button>
              </Group>
            )}
            {result && <ResultSummary result={result} />}
            {refusal && !result && (
              <Alert color="orange" variant="light" icon={<IconFlask size={16} />} p="xs" title="Preview only: emulated Redshift" role="note">
                <Text size="xs">{refusal}</Text>
              </Alert>
            )}
            {failure && <FailureAlert failure={failure} transactional={plan.transactional} />}
            {plan.destructive && !failure && !result && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" title="Destructive changes">
                <Text size="xs">Statements marked destructive remove access, objects or passwords. Apply asks for confirmation with the list of what will be lost.</Text>
              </Alert>
            )}
            {!!plan.warnings?.length && !failure && !result && (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" title="You may lack the rights for some changes" role="note">
                <Stack gap={2}>
                  {plan.warnings.map((w) => (
                    <Text size="xs" key={w}>
                      {w}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
            {!plan.transactional && !failure && !result && (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" title="Not all in one transaction">
                <Text size="xs">
                  Statements marked “outside transaction” cannot run in a transaction block: they run one by one after the others, so a failure there leaves the earlier ones applied.
                </Text>
              </Alert>
            )}
            <ScrollArea style={{ flex: 1 }} offsetScrollbars>
              <StatementList plan={plan} failure={failure} outcomes={result?.statements ?? null} backslashEscapes={rs} />
            </ScrollArea>
            <Group justify="space-between" wrap="nowrap" pt="xs" style={{ borderTop: '1px solid var(--app-border)' }}>
              {result ? (
                <>
                  <Button variant="default" leftSection={<IconCopy size={14} />} onClick={() => void copy()}>
                    Copy
                  </Button>
                  <Button leftSection={<IconCheck size={14} />} onClick={close}>
                    Done
                  </Button>
                </>
              ) : (
                <>
                  <Group gap="xs" wrap="nowrap">
                    {discardButton}
                    <Button variant="default" leftSection={<IconCopy size={14} />} onClick={() => void copy()}>
                      Copy
                    </Button>
                    <Button variant="default" leftSection={<IconDeviceFloppy size={14} />} onClick={() => void save()} loading={busy === 'save'} disabled={!!failure}>
                      Save .sql
                    </Button>
                  </Group>
                  <Group gap="xs" wrap="nowrap">
                    {busy === 'apply' && (
                      <Button variant="default" color="red" leftSection={<IconPlayerStop size={14} />} onClick={cancelApply} loading={cancelling}>
                        Cancel apply
                      </Button>
                    )}
                    <Tooltip
                      label={refusal || (env.readOnly || plan.readOnly ? 'This connection is read-only' : failure ? 'Go back to the changes and review again' : '')}
                      disabled={!(applyBlocked || failure)}
                      multiline
                      maw={360}
                    >
                      <Button
                        color={plan.destructive ? 'red' : undefined}
                        leftSection={<IconPlayerPlay size={14} />}
                        onClick={() => void apply()}
                        loading={busy === 'apply'}
                        disabled={applyBlocked || !!failure}
                      >
                        Apply {plan.statements.length} statement{plan.statements.length === 1 ? '' : 's'}
                      </Button>
                    </Tooltip>
                  </Group>
                </>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Drawer>
  );
}
