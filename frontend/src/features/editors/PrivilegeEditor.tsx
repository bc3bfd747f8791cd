import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconColumns3, IconCrown, IconKey, IconLock, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { Effective, ObjectRow } from '../../api';
import type { ObjectKind, ObjectRef, PrincipalRef } from '../../api/changes';
import { principalLabel } from '../changes/describe';
import { BulkSchemaButton } from './BulkSchema';
import { useEffective, useEffectiveDatabase, useSchemaObjects, useSchemas } from './data';
import { openEditor } from './editorStore';
import type { EditorEnv } from './env';
import { objectKey, scopedMarks, setCells, usageOffers, type CellRef } from './matrix';
import { Legend, MatrixGrid, RowAction, type MatrixRow } from './MatrixGrid';
import classes from './Matrix.module.css';
import { ScopedPermissions } from './ScopedPermissions';
import { cellView, pathText, rememberObjects, useDraft, type BaseCell } from './useDraft';
import { schemaCounts } from '../catalog/objects/logic';
import { grantOptionAllowed, kindOf, objectPrivileges, privilegeHelp, sectionKinds, title } from './vocabulary';

const RELATION_LABEL: Record<string, string> = {
  view: 'view',
  materialized_view: 'mat. view',
  late_binding_view: 'late-binding view',
  external_table: 'external',
  partitioned_table: 'partitioned',
  foreign_table: 'foreign',
};

/** Base cells by objectKey|privilege from an Effective answer. */
export function baseCells(eff: Effective | undefined): Map<string, BaseCell> {
  const m = new Map<string, BaseCell>();
  for (const c of eff?.cells ?? []) {
    // Held only after SET ROLE (PostgreSQL): not held by the principal, so "none" here.
    if (!c.direct && !c.inherited) continue;
    const inherited = c.sources.filter((s) => s.via.length > 0);
    const source = inherited.length
      ? `Inherited through ${inherited
          .slice(0, 3)
          .map((s) => pathText(s.via))
          .join('; ')}${inherited.length > 3 ? ` and ${inherited.length - 3} more` : ''}${c.direct ? ' (also granted directly)' : ''}`
      : undefined;
    m.set(`${objectKey(c.object)}|${c.privilege}`, { state: c.direct ? 'direct' : c.inherited ? 'inherited' : 'none', grantOption: c.grantOption, source });
  }
  return m;
}


/**
 * A principal's privileges as a matrix: pick a schema, then objects ×
 * privileges. Each cell shows direct / inherited / none; toggling queues a
 * grant or revoke at once (visible in the tray).
 */
export function PrivilegeEditor({ env, principal, schema: initialSchema, onClose }: { env: EditorEnv; principal: PrincipalRef; schema?: string; onClose: () => void }) {
  const { engine, caps, sessionId, vocab } = env;
  const schemas = useSchemas(sessionId);
  const [picked, setSchema] = useState<string | null>(initialSchema ?? null);
  // One section per vocabulary kind that has one: the schema's kinds, then the database.
  const sections = useMemo(() => sectionKinds(vocab), [vocab]);
  const [chosen, setSection] = useState<ObjectKind | null>(null);
  const section: ObjectKind = chosen ?? sections[0]?.kind ?? 'database';
  const sectionKind = kindOf(vocab, section);
  const inSchema = sectionKind?.parent === 'schema';
  const isRoutine = (r: ObjectRow) => !!kindOf(vocab, r.ref.kind)?.routine;
  const [filter, setFilter] = useState('');
  const [debounced] = useDebouncedValue(filter, 120);
  const [withOption, setWithOption] = useState(false);
  const optionAllowed = grantOptionAllowed(vocab, principal.kind);

  // Until one is picked: the first schema of our own with objects.
  const schema = useMemo(() => {
    if (picked || !schemas.data?.length) return picked;
    const own = schemas.data.filter((s) => !s.system);
    return (own.find((s) => (s.objects[sections[0]?.kind ?? ''] ?? 0) > 0) ?? own[0] ?? schemas.data[0]).name;
  }, [picked, schemas.data, sections]);

  const objects = useSchemaObjects(sessionId, schema);
  const eff = useEffective(sessionId, principal, inSchema ? schema : null);
  const effDb = useEffectiveDatabase(sessionId, inSchema ? null : principal);
  const { items, draft, overlay, commit } = useDraft(env);

  // The schema's objects by kind; remembered so a whole column becomes the kind's bulk form.
  const byKind = useMemo(() => {
    const m = new Map<string, ObjectRow[]>();
    for (const o of objects.data ?? []) {
      const list = m.get(o.ref.kind);
      if (list) list.push(o);
      else m.set(o.ref.kind, [o]);
    }
    return m;
  }, [objects.data]);
  useEffect(() => {
    if (!schema || !objects.data) return;
    for (const k of sections) if (k.parent === 'schema') rememberObjects(sessionId, schema, k.kind, new Set((byKind.get(k.kind) ?? []).map((r) => objectKey(r.ref))));
  }, [sessionId, schema, objects.data, byKind, sections]);

  const base = useMemo(() => baseCells(inSchema ? eff.data : effDb.data), [inSchema, eff.data, effDb.data]);
  const superuser = (inSchema ? eff.data : effDb.data)?.superuser;

  // Stable arrays: the grid's rows render again only when their cells change.
  const columns = useMemo(() => objectPrivileges(vocab, section), [vocab, section]);
  const schemaColumns = useMemo(() => objectPrivileges(vocab, 'schema'), [vocab]);

  const lookup = (c: CellRef) => base.get(`${objectKey(c.object)}|${c.privilege}`);
  /** A row's cells, each worked out once per base and overlay (the grid asks for them on every render). */
  const cellsFor = (o: ObjectRef) => {
    const key = objectKey(o);
    const memo = new Map<string, ReturnType<typeof cellView>>();
    return (p: string) => {
      let v = memo.get(p);
      if (!v) memo.set(p, (v = cellView(base.get(`${key}|${p}`), overlay.get(principal, o, p))));
      return v;
    };
  };

  const listed: ObjectRow[] = useMemo(() => {
    const src = byKind.get(section) ?? [];
    const q = debounced.trim().toLowerCase();
    return q ? src.filter((o) => (o.ref.name ?? '').toLowerCase().includes(q)) : src;
  }, [section, byKind, debounced]);

  const schemaRef: ObjectRef | null = schema ? { kind: 'schema', schema } : null;
  const dbRef: ObjectRef = { kind: 'database', name: env.database };

  const rows: MatrixRow[] = useMemo(() => {
    if (section === 'database')
      return [
        {
          key: objectKey(dbRef),
          name: `database ${env.database}`,
          label: (
            <Text size="sm" fw={600}>
              {env.database}
            </Text>
          ),
          cell: cellsFor(dbRef),
        },
      ];
    return listed.map((o) => ({
      key: objectKey(o.ref),
      name: isRoutine(o) ? `${o.ref.name}(${o.ref.args ?? ''})` : `${o.ref.schema}.${o.ref.name}`,
      // Plain elements: a screen of rows mounts no layout components.
      label: (
        <span className={classes.labelRow}>
          <span className={classes.labelText}>
            {o.ref.name}
            {isRoutine(o) && <span className={classes.labelDim}>({o.ref.args})</span>}
          </span>
          {RELATION_LABEL[o.kind] && <span className={classes.labelBadge}>{RELATION_LABEL[o.kind]}</span>}
        </span>
      ),
      cell: cellsFor(o.ref),
      actions:
        sectionKind?.columnPrivileges?.length && caps.columnPrivileges ? (
          <RowAction
            label={`Column privileges on ${o.ref.name}`}
            tip="Column privileges"
            onClick={() => openEditor(sessionId, { type: 'columns', object: o.ref, grantee: principal }, { over: true })}
          >
            <IconColumns3 size={14} />
          </RowAction>
        ) : undefined,
    }));
    // view depends on base and overlay
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [section, listed, base, overlay, env.database]);

  const schemaRow: MatrixRow | null = useMemo(
    () =>
    schemaRef && inSchema
      ? {
          key: objectKey(schemaRef),
          name: `schema ${schema}`,
          highlight: true,
          label: (
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={600}>
                schema {schema}
              </Text>
            </Group>
          ),
          cell: cellsFor(schemaRef),
        }
      : null,
    // view depends on base and overlay
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [schema, inSchema, base, overlay],
  );

  const set = (cells: CellRef[], wanted: boolean) => commit(setCells(draft, cells, wanted, overlay, lookup, withOption && optionAllowed));
  const refOf = (r: MatrixRow): ObjectRef => {
    if (r.key === objectKey(dbRef)) return dbRef;
    if (schemaRef && r.key === objectKey(schemaRef)) return schemaRef;
    return listed.find((o) => objectKey(o.ref) === r.key)!.ref;
  };
  const cellsOf = (r: MatrixRow, cols: string[]) => cols.map((p) => ({ grantee: principal, object: refOf(r), privilege: p }));

  // Schema USAGE offer: known for the loaded schema (others when visited).
  const usage = useMemo(() => {
    if (!schema || !eff.data) return undefined;
    if (eff.data.superuser) return true;
    const b = base.get(`${objectKey({ kind: 'schema', schema })}|USAGE`);
    return b ? b.state !== 'none' : false;
  }, [schema, eff.data, base]);
  const offers = usageOffers(
    items.map((i) => i.change),
    principal,
    (s) => (s === schema ? usage : undefined),
    overlay,
  );

  // Scoped permissions covering this section's objects: their own strip, never grid cells.
  const sectionScope = inSchema ? sectionKind?.scoped?.keyword ?? null : null;
  const scoped = scopedMarks(
    vocab,
    (inSchema ? eff.data : effDb.data)?.scoped ?? [],
    items.map((i) => i.change),
    principal,
    env.database,
    (scope, where) => (sectionScope ? scope === sectionScope && (where.kind === 'database' || where.schema === schema) : where.kind === 'database'),
  );

  const mine = items.filter((i) => {
    const g = i.change.privilege?.grantee;
    return g && g.kind === principal.kind && g.name === principal.name;
  }).length;

  // What each schema holds, in words: worked out as its option is shown (only while the list is open).
  const schemaByName = useMemo(() => new Map((schemas.data ?? []).map((s) => [s.name, s])), [schemas.data]);
  const schemaNote = (name: string) => {
    const s = schemaByName.get(name);
    return s ? `${s.system ? 'system · ' : ''}${schemaCounts(vocab, s)}` : '';
  };
  const schemaOptions = useMemo(() => (schemas.data ?? []).map((s) => ({ value: s.name, label: s.name })), [schemas.data]);

  const loading = !inSchema ? effDb.loading && !effDb.data : (objects.loading && !objects.data) || (eff.loading && !eff.data);
  const error = !inSchema ? effDb.error : objects.error ?? eff.error;

  return (
    <Modal
      opened
      onClose={onClose}
      size="calc(100vw - 96px)"
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 10, height: 'calc(100dvh - 170px)' } }}
      title={
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" size="md" radius="sm">
            <IconKey size={16} />
          </ThemeIcon>
          <Stack gap={0}>
            <Text fw={600}>Privileges of {principalLabel(principal)}</Text>
            <Text size="xs" c="dimmed">
              Tick to grant, untick to revoke. Changes are queued in Pending changes as you go.
            </Text>
          </Stack>
        </Group>
      }
    >
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Select
          label="Schema"
          data={schemaOptions}
          value={schema}
          onChange={(v) => v && setSchema(v)}
          searchable
          w={240}
          disabled={!inSchema}
          renderOption={({ option }) => (
            <span className={classes.option}>
              <span className={classes.labelText}>{option.label}</span>
              <span className={classes.labelDim}>{schemaNote(option.value)}</span>
            </span>
          )}
          nothingFoundMessage="No such schema"
          // Options exist only while the list is open (Combobox keeps them mounted, hidden, by default).
          comboboxProps={{ withinPortal: true, keepMounted: false }}
        />
        <SegmentedControl
          value={section}
          onChange={(v) => setSection(v)}
          data={sections.map((k) =>
            k.parent === 'schema' ? { value: k.kind, label: `${title(k.plural)} (${byKind.get(k.kind)?.length ?? 0})` } : { value: k.kind, label: title(k.noun) },
          )}
          aria-label="Object kind"
        />
        <TextInput
          placeholder="Filter by name"
          leftSection={<IconSearch size={14} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={170}
          aria-label="Filter objects"
          disabled={!inSchema}
        />
        <Tooltip
          label={
            optionAllowed
              ? 'New grants may be passed on by the grantee'
              : engine === 'redshift'
                ? 'Redshift gives the grant option to users only'
                : 'PUBLIC cannot hold the grant option'
          }
        >
          <div>
            <Switch
              label="WITH GRANT OPTION"
              checked={withOption && optionAllowed}
              disabled={!optionAllowed}
              onChange={(e) => setWithOption(e.currentTarget.checked)}
              mb={6}
            />
          </div>
        </Tooltip>
        {schema && inSchema && <BulkSchemaButton env={env} grantee={principal} schema={schema} onQueued={() => commit(draft)} />}
      </Group>

      {env.readOnly && (
        <Alert color="orange" variant="light" icon={<IconLock size={16} />} p="xs">
          This connection is read-only: you can queue and preview changes, but applying them is refused.
        </Alert>
      )}
      {superuser && (
        <Alert color="grape" variant="light" icon={<IconCrown size={16} />} p="xs">
          {principal.name} is a superuser: every permission check is bypassed, whatever the matrix shows.
        </Alert>
      )}
      {offers.map((s) => (
        <Alert key={s} color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" role="alert" aria-label={`USAGE missing on ${s}`}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {principalLabel(principal)} has no USAGE on schema <b>{s}</b>: grants on its objects have no effect without it.
            </Text>
            <Button
              size="xs"
              color="orange"
              leftSection={<IconPlus size={14} />}
              onClick={() => set([{ grantee: principal, object: { kind: 'schema', schema: s }, privilege: 'USAGE' }], true)}
            >
              Add USAGE on {s}
            </Button>
          </Group>
        </Alert>
      ))}

      {error ? (
        <Alert color="red" variant="light">
          {error.message}
        </Alert>
      ) : loading ? (
        <Group justify="center" p="xl">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Reading privileges…
          </Text>
        </Group>
      ) : (
        <Stack gap={8} style={{ flex: 1, minHeight: 0 }}>
          <ScopedPermissions marks={scoped} />
          {schemaRow && (
            <MatrixGrid
              ariaLabel={`Privileges on schema ${schema}`}
              nameHeader="The schema itself"
              columns={schemaColumns}
              help={(p) => privilegeHelp(vocab, 'schema', p)}
              rows={[schemaRow]}
              height={30}
              columnToggles={false}
              readOnly={false}
              onToggle={(r, p) => set(cellsOf(r, [p]), !r.cell(p)!.checked)}
              onRow={(r, w) => set(cellsOf(r, schemaColumns), w)}
              onColumn={(p, w) => set(cellsOf(schemaRow, [p]), w)}
            />
          )}
          <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
            <MatrixGrid
              ariaLabel={!inSchema ? `${title(sectionKind?.noun ?? section)} privileges` : `Privileges on ${sectionKind?.plural} of ${schema}`}
              nameHeader={title(inSchema ? sectionKind?.plural ?? section : sectionKind?.noun ?? section)}
              columns={columns}
              help={(p) => privilegeHelp(vocab, section, p)}
              rows={rows}
              height="100%"
              withActions={!!sectionKind?.columnPrivileges?.length && caps.columnPrivileges}
              emptyText={debounced ? 'No object matches the filter.' : `Schema ${schema} has no ${sectionKind?.plural ?? section}.`}
              onToggle={(r, p) => set(cellsOf(r, [p]), !r.cell(p)!.checked)}
              onRow={(r, w) => set(cellsOf(r, columns), w)}
              onColumn={(p, w) => set(rows.flatMap((r) => cellsOf(r, [p])), w)}
            />
          </div>
        </Stack>
      )}

      <Group justify="space-between" wrap="nowrap">
        <Legend grantOption />
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" aria-live="polite">
            {mine} pending change{mine === 1 ? '' : 's'} for {principal.name || 'PUBLIC'}
          </Text>
          {[...draft.values()].some((c) => c.grantee.kind === principal.kind && c.grantee.name === principal.name) && (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                const next = new Map(draft);
                for (const [k, c] of draft) if (c.grantee.kind === principal.kind && c.grantee.name === principal.name) next.delete(k);
                commit(next);
              }}
            >
              Undo matrix edits
            </Button>
          )}
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Group>
    </Modal>
  );
}

