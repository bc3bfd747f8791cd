import { Group, Loader, Select, Text } from '@mantine/core';
import { IconColumns3 } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Grant } from '../../api';
import type { Change, ObjectRef, PrincipalRef } from '../../api/changes';
import { objectLabel } from '../changes/describe';
import { pending } from '../changes/store';
import { granteeSelectProps, parseGranteeValue, useColumns, useGranteeOptions, useObjectGrants } from './data';
import { EditorModal } from './EditorModal';
import type { EditorEnv } from './env';
import { granteeKey } from './matrix';
import { MatrixGrid, type MatrixRow } from './MatrixGrid';
import { objectPrivileges, privilegeHelp } from './vocabulary';
import { cellView } from './useDraft';

/** Column privileges a grantee holds on one table, as "column|PRIV". */
export function heldColumns(grants: Grant[] | undefined, table: ObjectRef, grantee: PrincipalRef): Set<string> {
  const s = new Set<string>();
  for (const g of grants ?? [])
    if (g.object.kind === 'column' && g.object.schema === table.schema && g.object.name === table.name && granteeKey(g.grantee) === granteeKey(grantee))
      s.add(`${g.object.column}|${g.privilege}`);
  return s;
}

/** Grants and revokes, one change per privilege and direction, each listing its columns. */
export function buildColumnChanges(table: ObjectRef, grantee: PrincipalRef, held: Set<string>, wanted: Set<string>, order: string[]): Change[] {
  const out: Change[] = [];
  for (const grant of [true, false]) {
    for (const p of order) {
      const cols: string[] = [];
      for (const k of grant ? wanted : held) {
        const [col, priv] = [k.slice(0, k.lastIndexOf('|')), k.slice(k.lastIndexOf('|') + 1)];
        if (priv === p && !(grant ? held : wanted).has(k)) cols.push(col);
      }
      if (cols.length)
        out.push({
          kind: grant ? 'grant_privileges' : 'revoke_privileges',
          privilege: { privileges: [p], target: 'objects', objects: [{ kind: table.kind, schema: table.schema, name: table.name }], columns: cols, grantee },
        });
    }
  }
  return out;
}

export function ColumnsDialog({ env, object, grantee: initial, onClose }: { env: EditorEnv; object: ObjectRef; grantee?: PrincipalRef; onClose: () => void }) {
  const { sessionId, engine, caps, vocab } = env;
  const [grantee, setGrantee] = useState<PrincipalRef | null>(initial ?? null);
  const cols = useColumns(sessionId, object.schema ?? null, object.name ?? null);
  const grants = useObjectGrants(sessionId, object);
  const options = useGranteeOptions(sessionId, { groups: caps.groups });
  const privs = objectPrivileges(vocab, 'column');
  const held = useMemo(() => (grantee ? heldColumns(grants.data, object, grantee) : new Set<string>()), [grants.data, object, grantee]);
  const [wanted, setWanted] = useState<Set<string> | null>(null);
  const want = wanted ?? held;
  const changes = grantee ? buildColumnChanges(object, grantee, held, want, privs) : [];

  const rows: MatrixRow[] = (cols.data ?? []).map((c) => ({
    key: c.name,
    name: `column ${c.name}`,
    label: (
      <Group gap={6} wrap="nowrap">
        <Text size="sm" truncate>
          {c.name}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {c.type}
        </Text>
      </Group>
    ),
    cell: (p) => {
      const k = `${c.name}|${p}`;
      const h = held.has(k);
      const w = want.has(k);
      return cellView(h ? { state: 'direct', grantOption: false } : undefined, h === w ? undefined : w ? 'grant' : 'revoke');
    },
  }));
  const setKeys = (keys: string[], on: boolean) => {
    const next = new Set(want);
    for (const k of keys) if (on) next.add(k);
    else next.delete(k);
    setWanted(next);
  };
  return (
    <EditorModal
      opened
      onClose={onClose}
      size={640}
      title={`Column privileges on ${objectLabel(object)}`}
      subtitle={engine === 'redshift' ? 'Redshift: SELECT and UPDATE per column; views take only SELECT.' : 'Per-column SELECT, INSERT, UPDATE and REFERENCES.'}
      icon={<IconColumns3 size={16} />}
      changes={changes}
      isRedshift={engine === 'redshift'}
      submitDisabled={changes.length === 0}
      onSubmit={() => {
        pending.add(sessionId, changes);
        onClose();
      }}
    >
      <Select
        label="Grantee"
        data={options}
        value={grantee ? granteeKey(grantee) : null}
        onChange={(v) => {
          if (!v) return;
          setGrantee(parseGranteeValue(v));
          setWanted(null);
        }}
        searchable
        placeholder="Who gets the column privileges"
        {...granteeSelectProps}
      />
      {!grantee ? (
        <Text size="sm" c="dimmed">
          Pick a grantee to see and edit its column privileges.
        </Text>
      ) : cols.loading && !cols.data ? (
        <Loader size="sm" />
      ) : cols.error ? (
        <Text c="red" size="sm">
          {cols.error.message}
        </Text>
      ) : (
        <MatrixGrid
          ariaLabel="Column privileges"
          nameHeader="Column"
          columns={privs}
          help={(p) => privilegeHelp(vocab, 'column', p)}
          rows={rows}
          height={Math.min(360, Math.max(60, rows.length * 30))}
          onToggle={(r, p) => setKeys([`${r.key}|${p}`], !want.has(`${r.key}|${p}`))}
          onRow={(r, on) => setKeys(privs.map((p) => `${r.key}|${p}`), on)}
          onColumn={(p, on) => setKeys(rows.map((r) => `${r.key}|${p}`), on)}
        />
      )}
    </EditorModal>
  );
}
