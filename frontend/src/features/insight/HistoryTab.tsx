import { Alert, Badge, Box, Button, Group, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconHistory, IconRefresh, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { insightApi, type ApiError, type HistoryApply, type HistoryFilter, type HistoryPage, type SessionInfo, toApiError } from '../../api';
import { notifyError, notifyInfo } from '../../components/notify';
import { EmptyHint, ErrorPane, PaneLoader } from '../catalog/parts';
import { SqlCode } from '../changes/SqlCode';
import { pending } from '../changes/store';
import { applyOutcome } from './logic';

const OUTCOME_COLOR = { applied: 'teal', partial: 'orange', failed: 'red', 'rolled back': 'gray' } as const;

function ApplyCard({ a, session, onRevert }: { a: HistoryApply; session: SessionInfo; onRevert: (a: HistoryApply) => void }) {
  const outcome = applyOutcome(a.statements);
  const sameTarget = a.profileId === session.profileId && (!a.database || a.database === session.server.database);
  const why = !a.changed
    ? 'This apply changed nothing: there is nothing to revert'
    : !sameTarget
      ? `Ran on ${a.profile} (${a.server}): connect there to revert it`
      : a.noRevert.length
        ? a.revertible
          ? ''
          : 'Parts of this apply cannot be undone (see below)'
        : '';
  return (
    <Paper withBorder radius="md" p="sm" style={{ background: 'var(--app-main-bg)' }} aria-label={`Apply ${a.planId}`} data-plan={a.planId}>
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {new Date(a.time).toLocaleString()}
          </Text>
          <Badge size="sm" variant="light" color={OUTCOME_COLOR[outcome]}>
            {outcome}
          </Badge>
          <Text size="xs" c="dimmed">
            {a.profile} · {a.serverUser}@{a.server}
          </Text>
        </Group>
        <Tooltip label={why || 'Queue the changes that undo this apply; they are previewed before anything runs'} multiline w={280}>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconArrowBackUp size={14} />}
            disabled={!a.changed || !sameTarget || session.readOnly}
            onClick={() => onRevert(a)}
          >
            Revert
          </Button>
        </Tooltip>
      </Group>
      {a.principals.length > 0 && (
        <Group gap={4} mb={6}>
          {a.principals.map((p) => (
            <Badge key={p} size="xs" variant="default">
              {p}
            </Badge>
          ))}
        </Group>
      )}
      <SqlCode sql={a.statements.map((s) => `${s.sql};${s.outcome.startsWith('ok') ? '' : `  -- ${s.outcome}`}`).join('\n')} backslashEscapes={false} />
      {a.changed && a.noRevert.length > 0 && (
        <Alert mt={6} p={6} color="orange" variant="light" icon={<IconAlertTriangle size={14} />}>
          {a.noRevert.map((r) => (
            <Text key={r} size="xs">
              {r}
            </Text>
          ))}
        </Alert>
      )}
    </Paper>
  );
}

/** The audit log by apply: filter by date, connection and principal; revert an apply as pending changes. */
export function HistoryTab({ session }: { session: SessionInfo }) {
  const [filter, setFilter] = useState<HistoryFilter>({ from: '', to: '', profileId: session.profileId, principal: '' });
  const [page, setPage] = useState<HistoryPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    insightApi.history(filter).then(setPage, (e) => setError(toApiError(e)));
  }, [filter]);
  useEffect(() => {
    const t = setTimeout(load, 150); // typing in the principal box: one call when it pauses
    return () => clearTimeout(t);
  }, [load]);

  const revert = async (a: HistoryApply) => {
    try {
      const plan = await insightApi.revert(session.id, a.planId);
      if (plan.changes.length) pending.add(session.id, plan.changes);
      notifyInfo(
        plan.changes.length ? `Queued ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} to undo this apply` : 'Nothing to undo',
        [plan.changes.length ? 'Review them in Pending changes: nothing runs before the preview.' : 'The apply altered nothing that is still to be undone.', ...plan.noRevert].join('\n'),
      );
    } catch (e) {
      notifyError(e, 'Cannot revert this apply');
    }
  };

  const set = (p: Partial<HistoryFilter>) => setFilter((f) => ({ ...f, ...p }));
  return (
    <Stack gap="sm" maw={1100}>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput size="xs" type="date" label="From" value={filter.from} onChange={(e) => set({ from: e.currentTarget.value })} w={150} />
        <TextInput size="xs" type="date" label="To" value={filter.to} onChange={(e) => set({ to: e.currentTarget.value })} w={150} />
        <Select
          size="xs"
          label="Connection"
          w={220}
          data={[{ value: '', label: 'Every connection' }, ...(page?.profiles ?? [{ id: session.profileId, name: session.profileName }]).map((p) => ({ value: p.id, label: p.name || p.id }))]}
          value={filter.profileId}
          onChange={(v) => set({ profileId: v ?? '' })}
          allowDeselect={false}
        />
        <TextInput
          size="xs"
          label="Principal"
          placeholder="user, role or group name"
          leftSection={<IconSearch size={12} />}
          value={filter.principal}
          onChange={(e) => set({ principal: e.currentTarget.value })}
          w={220}
        />
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={load}>
          Reload
        </Button>
      </Group>
      {page && page.corruptLines.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} title="Some lines of the audit log are not entries">
          Lines {page.corruptLines.slice(0, 10).join(', ')}
          {page.corruptLines.length > 10 ? ' …' : ''} could not be read; they are left out.
        </Alert>
      )}
      {error ? (
        <ErrorPane error={error} onRetry={load} />
      ) : !page ? (
        <PaneLoader />
      ) : page.applies.length === 0 ? (
        <EmptyHint icon={<IconHistory size={28} />} title="No applies match">
          Every change applied from this app is recorded here with its statements. Widen the dates or clear the filters.
        </EmptyHint>
      ) : (
        <Box component="section" aria-label="Applies">
          <Text size="xs" c="dimmed" mb={6}>
            {page.applies.length} appl{page.applies.length === 1 ? 'y' : 'ies'}, newest first
          </Text>
          <Stack gap="sm">
            {page.applies.map((a) => (
              <ApplyCard key={a.planId} a={a} session={session} onRevert={(x) => void revert(x)} />
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}

export default HistoryTab;
