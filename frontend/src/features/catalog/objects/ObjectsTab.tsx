import { Badge, CloseButton, Group, Switch, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconDatabase, IconFolder, IconFolderOpen, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { catalogApi, type ObjectRow, type SessionInfo } from '../../../api';
import { shortcutLabel } from '../../../components/shortcuts';
import { CATALOG_HOTKEYS } from '../CatalogToolbar';
import { EMPTY_VOCABULARY } from '../../editors/vocabulary';
import { RELATION_LABEL } from '../format';
import { ObjectIcon } from '../icons';
import { SplitView } from '../lists/SplitView';
import { ErrorPane, PaneLoader } from '../parts';
import { useCatalog, useCatalogQueries, useCatalogQuery, useSessionUI, type ObjectSelection } from '../store';
import { VirtualList, type VirtualListHandle } from '../VirtualList';
import { flattenTree, schemaCounts, type TreeRow } from './logic';
import { ObjectPane } from './ObjectPane';
import classes from '../catalog.module.css';

const TREE_ROW = 32;

function sameSelection(a: ObjectSelection | null, r: TreeRow): boolean {
  if (!a) return false;
  if (r.type === 'database') return a.kind === 'database';
  if (r.type === 'schema') return a.kind === 'schema' && a.schema === r.schema.name;
  if (r.type === 'object')
    return (
      a.kind === 'object' &&
      a.ref.kind === r.object.ref.kind &&
      a.ref.schema === r.object.ref.schema &&
      a.ref.name === r.object.ref.name &&
      (a.ref.args ?? '') === (r.object.ref.args ?? '')
    );
  return false;
}

/** Database → schemas → tables, views, functions, procedures; the selection's grants on the right. */
export function ObjectsTab({ session }: { session: SessionInfo }) {
  const { summary } = useCatalog(session.id);
  const database = summary?.database ?? session.server.database;
  const schemasQ = useCatalogQuery(session.id, 'schemas', () => catalogApi.schemas(session.id));
  const [expandedList, setExpanded] = useSessionUI<string[]>(session.id, 'objects.expanded', []);
  const [selection, setSelection] = useSessionUI<ObjectSelection | null>(session.id, 'objects.selection', { kind: 'database' });
  const [filter, setFilter] = useSessionUI(session.id, 'objects.filter', '');
  const [showSystem, setShowSystem] = useSessionUI(session.id, 'objects.system', false);
  const [active, setActive] = useState(0);
  const text = useDeferredValue(filter);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<VirtualListHandle>(null);
  useHotkeys([[CATALOG_HOTKEYS.search, () => searchRef.current?.select()]], []);

  const expanded = useMemo(() => new Set(expandedList), [expandedList]);
  const objQ = useCatalogQueries<ObjectRow[]>(
    session.id,
    expandedList.map((s) => `objects:${s}`),
    (key) => catalogApi.schemaObjects(session.id, key.slice('objects:'.length)),
  );
  const objects = new Map<string, ObjectRow[] | undefined>();
  for (const s of expandedList) objects.set(s, objQ.get(`objects:${s}`)?.data);
  const objectsSig = expandedList.map((s) => (objects.get(s) ? `${s}:${objects.get(s)!.length}` : s)).join('|');

  const rows = useMemo(
    () => flattenTree({ database, schemas: schemasQ.data ?? [], expanded, objects, filter: text, showSystem }),
    // objects is rebuilt each render; objectsSig says when its content changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [database, schemasQ.data, expanded, objectsSig, text, showSystem],
  );
  const selectedIndex = rows.findIndex((r) => sameSelection(selection, r));
  const systemCount = (schemasQ.data ?? []).filter((s) => s.system).length;

  const toggle = (schema: string, open?: boolean) =>
    setExpanded((cur) => {
      const isOpen = cur.includes(schema);
      if (open === isOpen) return cur;
      return isOpen ? cur.filter((s) => s !== schema) : [...cur, schema];
    });

  const select = (r: TreeRow) => {
    if (r.type === 'database') setSelection({ kind: 'database' });
    else if (r.type === 'schema') setSelection({ kind: 'schema', schema: r.schema.name });
    else if (r.type === 'object') setSelection({ kind: 'object', schema: r.schema, ref: r.object.ref });
  };

  const onKey = (key: string, i: number) => {
    const r = rows[i];
    if (!r) return false;
    if (key === 'ArrowRight' && r.type === 'schema') {
      if (!r.expanded) toggle(r.schema.name, true);
      else if (rows[i + 1]?.depth === 2) setActive(i + 1);
      return true;
    }
    if (key === 'ArrowLeft') {
      if (r.type === 'schema' && r.expanded) toggle(r.schema.name, false);
      else if (r.depth === 2) setActive(rows.findIndex((x) => x.type === 'schema' && x.schema.name === r.schema));
      else if (r.type === 'schema') setActive(0);
      return true;
    }
    return false;
  };

  const renderRow = (i: number) => {
    const r = rows[i];
    const indent = r.depth * 16;
    if (r.type === 'database')
      return (
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0, width: '100%' }}>
          <IconDatabase size={15} style={{ flexShrink: 0, color: 'var(--mantine-primary-color-filled)' }} />
          <Text size="sm" fw={600} truncate>
            {r.name}
          </Text>
          <Text size="xs" c="dimmed" ml="auto">
            {(schemasQ.data?.length ?? 0) - (showSystem ? 0 : systemCount)} schemas
          </Text>
        </Group>
      );
    if (r.type === 'schema')
      return (
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0, width: '100%', paddingLeft: indent - 12 }}>
          <button
            type="button"
            className={classes.treeToggle}
            aria-label={`${r.expanded ? 'Collapse' : 'Expand'} ${r.schema.name}`}
            aria-expanded={r.expanded}
            tabIndex={-1}
            onClick={(e) => {
              e.stopPropagation();
              toggle(r.schema.name);
            }}
          >
            {r.expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </button>
          {r.expanded ? <IconFolderOpen size={15} style={{ flexShrink: 0 }} /> : <IconFolder size={15} style={{ flexShrink: 0 }} />}
          <Text size="sm" fw={500} truncate>
            {r.schema.name}
          </Text>
          {r.schema.type && r.schema.type !== 'local' && (
            <Badge size="xs" variant="light" color={r.schema.type === 'external' ? 'cyan' : 'teal'} style={{ flexShrink: 0 }}>
              {r.schema.type}
            </Badge>
          )}
          <Text size="xs" c="dimmed" ml="auto" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            {schemaCounts(summary?.vocabulary ?? EMPTY_VOCABULARY, r.schema)}
          </Text>
        </Group>
      );
    if (r.type === 'note')
      return (
        <Text size="xs" c="dimmed" pl={indent + 8} fs="italic">
          {r.text}
        </Text>
      );
    const o = r.object;
    return (
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0, width: '100%', paddingLeft: indent + 6 }} title={RELATION_LABEL[o.kind] ?? o.kind}>
        <ObjectIcon kind={o.kind} />
        <Text size="sm" truncate>
          {o.ref.name}
          {o.ref.kind === 'function' || o.ref.kind === 'procedure' ? (
            <Text span size="xs" c="dimmed">
              ({o.ref.args})
            </Text>
          ) : null}
        </Text>
        <Text size="xs" c="dimmed" ml="auto" style={{ whiteSpace: 'nowrap', flexShrink: 0 }} title={`${o.grantees.length} grantees`}>
          {o.grantees.length ? `${o.grantees.length} grantee${o.grantees.length === 1 ? '' : 's'}` : 'no grants'}
        </Text>
      </Group>
    );
  };

  const tree = schemasQ.error ? (
    <ErrorPane error={schemasQ.error} onRetry={schemasQ.reload} />
  ) : !schemasQ.data ? (
    <PaneLoader label="Loading schemas…" />
  ) : (
    <>
      <div className={classes.paneTools}>
        <TextInput
          ref={searchRef}
          aria-label="Filter schemas and objects"
          placeholder="Filter schemas and open schemas' objects…"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          leftSection={<IconSearch size={14} />}
          rightSection={
            filter ? (
              <CloseButton size="sm" aria-label="Clear filter" onClick={() => setFilter('')} />
            ) : (
              <Text size="10px" c="dimmed" pr={6}>
                {shortcutLabel(CATALOG_HOTKEYS.search)}
              </Text>
            )
          }
          rightSectionWidth={filter ? undefined : 52}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive(Math.max(0, active));
              listRef.current?.focus();
            } else if (e.key === 'Escape') setFilter('');
          }}
        />
        {systemCount > 0 && (
          <Switch
            mt={8}
            size="xs"
            label={`Show system schemas (${systemCount})`}
            checked={showSystem}
            onChange={(e) => setShowSystem(e.currentTarget.checked)}
          />
        )}
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualList
          ref={listRef}
          label="Object tree"
          count={rows.length}
          rowHeight={TREE_ROW}
          rowKey={(i) => rows[i].key}
          rowLabel={(i) => {
            const r = rows[i];
            return r.type === 'database' ? `Database ${r.name}` : r.type === 'schema' ? r.schema.name : r.type === 'object' ? `${r.object.ref.name}${r.object.ref.args !== undefined && r.object.ref.kind !== 'table' ? `(${r.object.ref.args})` : ''}` : r.text;
          }}
          renderRow={renderRow}
          activeIndex={active}
          onActiveChange={setActive}
          selectedIndex={selectedIndex}
          onOpen={(i) => {
            const r = rows[i];
            select(r);
            if (r.type === 'schema' && !r.expanded) toggle(r.schema.name, true);
          }}
          onKey={onKey}
          onExitTop={() => searchRef.current?.focus()}
        />
      </div>
      <div className={classes.paneFooter}>
        {filter.trim() ? 'Filtering schema names, and objects of open schemas' : '→ opens a schema, ← closes it, Enter shows its grants'}
      </div>
    </>
  );

  return <SplitView listWidth="clamp(340px, 36%, 460px)" list={tree} detail={<ObjectPane session={session} selection={selection ?? { kind: 'database' }} database={database} />} />;
}
