import { Accordion, Alert, Badge, Button, Checkbox, Group, Loader, Modal, ScrollArea, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconDoorExit, IconDatabase } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { onEvent, type ApiError } from '../../api';
import { offboardApi, type OffboardResult, type OffboardStepResult, type OffboardView } from '../../api/offboard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { refreshCatalog } from '../catalog/store';
import { SqlCode } from '../changes/SqlCode';
import { useRoles, useUsers } from '../editors/data';
import type { EditorEnv } from '../editors/env';
import { STATE_LABEL, STEP_TITLE, blockerWords } from './steps';

/**
 * Removes a user from the whole cluster: pick a successor, scan every
 * database, review one plan per database, then apply them in order with
 * progress. Nothing runs before the native confirmation.
 */
export function OffboardDialog({ env, user, onClose }: { env: EditorEnv; user: string; onClose: () => void }) {
  const sid = env.sessionId;
  const users = useUsers(sid);
  const roles = useRoles(sid);
  const [successor, setSuccessor] = useState<string | null>(null);
  const [disableLogin, setDisableLogin] = useState(true);
  const [scan, setScan] = useState<OffboardView | null>(null);
  const [busy, setBusy] = useState<'scan' | 'apply' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<Map<number, OffboardStepResult>>(new Map());
  const [result, setResult] = useState<OffboardResult | null>(null);

  const successors = useMemo(() => {
    const out = (users.data ?? []).filter((u) => u.name !== user).map((u) => ({ value: u.name, label: `${u.name} (user)` }));
    if (env.engine === 'postgres') for (const r of roles.data ?? []) if (!r.system) out.push({ value: r.name, label: `${r.name} (role)` });
    return out;
  }, [users.data, roles.data, user, env.engine]);

  useEffect(
    () =>
      onEvent('offboard:progress', (p) => {
        if (p.sessionId === sid) setProgress((m) => new Map(m).set(p.step, p.result));
      }),
    [sid],
  );

  const runScan = async () => {
    setBusy('scan');
    setError(null);
    setResult(null);
    setProgress(new Map());
    try {
      setScan(await offboardApi.scan(sid, { user, successor: successor ?? '', disableLogin }));
    } catch (e) {
      setError(e as ApiError);
      setScan(null);
    } finally {
      setBusy(null);
    }
  };

  const runApply = async () => {
    if (!scan) return;
    setBusy('apply');
    setError(null);
    try {
      const r = await offboardApi.apply(sid, scan.id);
      if (r.steps?.length) setResult(r);
      void refreshCatalog(sid);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  };

  const close = () => {
    if (scan && !result) void offboardApi.discard(sid);
    onClose();
  };

  const steps = scan?.scan.steps ?? [];
  const work = steps.filter((s) => (s.statements?.length ?? 0) > 0).length;

  return (
    <Modal
      opened
      onClose={close}
      size={760}
      scrollAreaComponent={ScrollArea.Autosize}
      title={
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color="red" size="md" radius="sm">
            <IconDoorExit size={16} />
          </ThemeIcon>
          <Stack gap={0}>
            <Text fw={600}>Offboard {user}</Text>
            <Text size="xs" c="dimmed">
              Every database of the cluster, one at a time, then DROP USER
            </Text>
          </Stack>
        </Group>
      }
    >
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <Select
            label="Successor"
            description="Takes over what the user owns"
            placeholder="Nobody (only if the user owns nothing)"
            data={successors}
            value={successor}
            onChange={(v) => {
              setSuccessor(v);
              setScan(null);
            }}
            searchable
            clearable
            w={300}
            disabled={!!busy || !!result}
          />
          <Checkbox
            label={env.engine === 'redshift' ? 'Disable password sign-in first' : 'Stop new sign-ins first (NOLOGIN)'}
            checked={disableLogin}
            onChange={(e) => {
              setDisableLogin(e.currentTarget.checked);
              setScan(null);
            }}
            disabled={!!busy || !!result}
            mb={8}
          />
          <Button variant="light" onClick={runScan} loading={busy === 'scan'} disabled={!!busy || !!result}>
            {scan ? 'Scan again' : 'Scan every database'}
          </Button>
        </Group>
        {error && <ErrorAlert error={error} />}
        {busy === 'scan' && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Reading every database of the cluster…
            </Text>
          </Group>
        )}
        {scan && (
          <>
            {scan.scan.memberships.length > 0 && (
              <Text size="sm">
                Member of {scan.scan.memberships.join(', ')}: revoked with the DROP.
              </Text>
            )}
            {!scan.scan.ready && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title="Some databases could not be planned">
                Fix what the red steps say and scan again; nothing runs until every database is planned.
              </Alert>
            )}
            <Accordion multiple variant="separated" defaultValue={steps.map((_, i) => String(i)).filter((_, i) => (steps[i].statements?.length ?? 0) > 0 || !!steps[i].error)}>
              {steps.map((st, i) => {
                const state = progress.get(i) ?? result?.steps[i];
                const badge = state ? STATE_LABEL[state.state] : st.error ? { label: 'cannot plan', color: 'red' } : null;
                return (
                  <Accordion.Item key={i} value={String(i)} aria-label={`${STEP_TITLE[st.kind]} in ${st.database}`}>
                    <Accordion.Control icon={<IconDatabase size={16} />}>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {i + 1}. {STEP_TITLE[st.kind]} · {st.database}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {st.kind === 'disable_login' ? 'cluster-wide' : blockerWords(st)}
                        </Text>
                        {badge && (
                          <Badge size="xs" color={badge.color} variant="light">
                            {badge.label}
                          </Badge>
                        )}
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      {st.error ? (
                        <Text size="sm" c="red">
                          {st.error}
                        </Text>
                      ) : (st.statements?.length ?? 0) === 0 ? (
                        <Text size="sm" c="dimmed">
                          Nothing of {user} in this database.
                        </Text>
                      ) : (
                        <Stack gap={6}>
                          {st.blockers.owned?.length > 0 && (
                            <Text size="xs" c="dimmed">
                              Owns: {st.blockers.owned.join(', ')}
                            </Text>
                          )}
                          <SqlCode sql={st.statements.map((s) => s.sql + ';').join('\n')} />
                        </Stack>
                      )}
                      {state?.message && (
                        <Text size="sm" c={state.state === 'failed' ? 'red' : undefined} mt={6}>
                          {state.message}
                        </Text>
                      )}
                    </Accordion.Panel>
                  </Accordion.Item>
                );
              })}
            </Accordion>
          </>
        )}
        {result && (
          <Alert color={result.completed ? 'teal' : 'red'} variant="light" title={result.completed ? `${user} is gone` : 'Offboarding stopped'}>
            {result.completed
              ? 'Every database was cleared and read back, and the user was dropped.'
              : 'The steps marked done ran and were read back; the failed step was rolled back; the steps after it did not start.'}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {result ? 'Close' : 'Cancel'}
          </Button>
          {!result && (
            <Button color="red" onClick={runApply} loading={busy === 'apply'} disabled={!scan?.scan.ready || !!busy || env.readOnly}>
              Offboard {user} ({work} {work === 1 ? 'plan' : 'plans'})
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
