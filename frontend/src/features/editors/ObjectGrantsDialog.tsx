import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Switch, Text, ThemeIcon } from '@mantine/core';
import { IconColumns3, IconLock, IconPlus, IconShieldLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Grant } from '../../api';
import type { ObjectRef, PrincipalRef } from '../../api/changes';
import { objectLabel, principalLabel } from '../changes/describe';
import { granteeSelectProps, parseGranteeValue, useGranteeOptions, useObjectGrants } from './data';
import { openEditor } from './editorStore';
import type { EditorEnv } from './env';
import { granteeKey, objectKey, setCells, type CellRef } from './matrix';
import { Legend, MatrixGrid, RowAction, type MatrixRow } from './MatrixGrid';
import { grantOptionAllowed, kindOf, objectPrivileges, privilegeHelp } from './vocabulary';
import { cellView, useDraft, type BaseCell } from './useDraft';

const KIND_COLOR: Record<string, string> = { user: 'blue', role: 'grape', group: 'orange', public: 'gray' };

/** Base cells by granteeKey|privilege from an object's explicit grants (columns and scoped rows left out). */
export function grantBase(grants: Grant[] | undefined, object: ObjectRef): Map<string, BaseCell> {
  const m = new Map<string, BaseCell>();
  for (const g of grants ?? []) {
    if (g.implied || g.scope || g.object.kind === 'column' || objectKey(g.object) !== objectKey(object)) continue;
    m.set(`${granteeKey(g.grantee)}|${g.privilege}`, { state: 'direct', grantOption: g.grantOption });
  }
  return m;
}

/**
 * The mirror of the privilege editor: one object, its grantees ×
 * privileges. Grantees can be added (user, role, group, PUBLIC).
 */
export function ObjectGrantsDialog({ env, object, onClose }: { env: EditorEnv; object: ObjectRef; onClose: () => void }) {
  const { engine, caps, sessionId, vocab } = env;
  const hasColumns = !!kindOf(vocab, object.kind)?.columnPrivileges?.length && caps.columnPrivileges;
  const grants = useObjectGrants(sessionId, object);
  const granteeOptions = useGranteeOptions(sessionId, { groups: caps.groups });
  const { items, draft, overlay, commit } = useDraft(env);
  const [added, setAdded] = useState<PrincipalRef[]>([]);
  const [pick, setPick] = useState<string | null>(null);
  const [withOption, setWithOption] = useState(false);
  const columns = objectPrivileges(vocab, object.kind);
  const base = useMemo(() => grantBase(grants.data, object), [grants.data, object]);

  // Grantees: those holding a grant, those with a queued change on the object, and those added here.
  const grantees = useMemo(() => {
    const seen = new Map<string, PrincipalRef>();
    const add = (p: PrincipalRef) => seen.has(granteeKey(p)) || seen.set(granteeKey(p), p);
    for (const g of grants.data ?? []) if (!g.implied && !g.scope && objectKey(g.object) === objectKey(object)) add(g.grantee);
    for (const c of draft.values()) if (objectKey(c.object) === objectKey(object)) add(c.grantee);
    for (const p of added) add(p);
    return [...seen.values()];
  }, [grants.data, draft, added, object]);

  const rows: MatrixRow[] = grantees.map((p) => ({
    key: granteeKey(p),
    name: principalLabel(p),
    label: (
      <Group gap={6} wrap="nowrap">
        <Badge size="xs" variant="light" color={KIND_COLOR[p.kind]}>
          {p.kind}
        </Badge>
        <Text size="sm" truncate>
          {p.kind === 'public' ? 'PUBLIC' : p.name}
        </Text>
      </Group>
    ),
    cell: (priv) => cellView(base.get(`${granteeKey(p)}|${priv}`), overlay.get(p, object, priv)),
    actions:
      hasColumns ? (
        <RowAction label={`Column privileges of ${principalLabel(p)}`} tip="Column privileges" onClick={() => openEditor(sessionId, { type: 'columns', object, grantee: p }, { over: true })}>
          <IconColumns3 size={14} />
        </RowAction>
      ) : undefined,
  }));

  const refOf = (r: MatrixRow) => grantees.find((p) => granteeKey(p) === r.key)!;
  const lookup = (c: CellRef) => base.get(`${granteeKey(c.grantee)}|${c.privilege}`);
  const set = (cells: CellRef[], wanted: boolean) => {
    const next = setCells(draft, cells, wanted, overlay, lookup, withOption);
    for (const [k, c] of next) if (c.grantOption && !grantOptionAllowed(vocab, c.grantee.kind)) next.set(k, { ...c, grantOption: false });
    commit(next);
  };
  const cellsOf = (r: MatrixRow, privs: string[]) => privs.map((privilege) => ({ grantee: refOf(r), object, privilege }));

  // Built once per list change, not per click: the picker re-reads its whole
  // data (every user of the catalog) whenever the array changes.
  const options = useMemo(() => {
    const listedKeys = new Set(grantees.map(granteeKey));
    return granteeOptions.map((g) => ({ ...g, items: g.items.filter((i) => !listedKeys.has(i.value)) }));
  }, [granteeOptions, grantees]);

  const pendingHere = items.filter((i) => (i.change.privilege?.objects ?? []).some((o) => objectKey(o) === objectKey(object))).length;

  return (
    <Modal
      opened
      onClose={onClose}
      size={Math.min(1100, 420 + columns.length * 84)}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 10 } }}
      title={
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" size="md" radius="sm">
            <IconShieldLock size={16} />
          </ThemeIcon>
          <Stack gap={0}>
            <Text fw={600}>Who may use {objectLabel(object)}</Text>
            <Text size="xs" c="dimmed">
              Explicit grants on this object. Tick to grant, untick to revoke; changes are queued as you go.
            </Text>
          </Stack>
        </Group>
      }
    >
      {env.readOnly && (
        <Alert color="orange" variant="light" icon={<IconLock size={16} />} p="xs">
          This connection is read-only: changes can be previewed but not applied.
        </Alert>
      )}
      <Group gap="sm" align="flex-end">
        <Select
          label="Add a grantee"
          data={options}
          value={pick}
          onChange={setPick}
          searchable
          placeholder="User, role, group or PUBLIC"
          w={320}
          nothingFoundMessage="Nobody found"
          {...granteeSelectProps}
        />
        <Button
          variant="light"
          leftSection={<IconPlus size={14} />}
          disabled={!pick}
          onClick={() => {
            if (!pick) return;
            setAdded([...added, parseGranteeValue(pick)]);
            setPick(null);
          }}
        >
          Add row
        </Button>
        <Switch label="New grants WITH GRANT OPTION" checked={withOption} onChange={(e) => setWithOption(e.currentTarget.checked)} mb={6} />
      </Group>
      {withOption && (
        <Text size="xs" c="dimmed">
          {engine === 'redshift' ? 'Redshift gives the grant option to users only;' : 'PostgreSQL gives the grant option to users and roles, not to PUBLIC;'} it is left out for other
          grantees.
        </Text>
      )}
      {grants.loading && !grants.data ? (
        <Loader size="sm" />
      ) : (
        <MatrixGrid
          ariaLabel={`Grantees of ${objectLabel(object)}`}
          nameHeader="Grantee"
          columns={columns}
          help={(p) => privilegeHelp(vocab, object.kind, p)}
          rows={rows}
          height={Math.min(420, Math.max(90, rows.length * 30))}
          withActions={hasColumns}
          emptyText="Nobody holds an explicit privilege here (the owner has all of them). Add a grantee above."
          onToggle={(r, p) => set(cellsOf(r, [p]), !r.cell(p)!.checked)}
          onRow={(r, w) => set(cellsOf(r, columns), w)}
          onColumn={(p, w) => set(rows.flatMap((r) => cellsOf(r, [p])), w)}
        />
      )}
      <Group justify="space-between" wrap="nowrap">
        <Legend grantOption inherited={false} />
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {pendingHere} pending change{pendingHere === 1 ? '' : 's'} on this object
          </Text>
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Group>
    </Modal>
  );
}
