import { Alert, Box, Group, Select, Switch, Text } from '@mantine/core';
import { IconCrown, IconLockOpenOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { catalogApi, type ObjectRow, type PrincipalDetail, type SessionInfo } from '../../../api';
import { fmtCount, objectShortName, plural, principalKey, principalLabel } from '../format';
import { EmptyHint, ErrorPane, ObjectLink, PaneLoader, PrivilegeBadge } from '../parts';
import { useCatalog, useCatalogQuery, useSessionUI } from '../store';
import { VirtualRows } from '../VirtualList';
import { scopedMarks } from '../../editors/matrix';
import { ScopedPermissions } from '../../editors/ScopedPermissions';
import { groupEffective, relKey, sourceLines, type EffectiveMark, type EffectiveRow } from './grouping';

/** Select value of the database-level rows (no schema can have this name). */
export const DATABASE_SCOPE = '\u0000database';

/** Tooltip text: how the privilege is held and the path behind each source. */
export function markTitle(mark: EffectiveMark, self: PrincipalDetail['ref']): string {
  const how = mark.direct ? (mark.inherited ? 'direct and inherited' : 'direct') : 'inherited';
  const lines = mark.cells.flatMap((c) => sourceLines(c, self).map((l) => (c.object.column ? `${c.object.column}: ${l}` : l)));
  return `${mark.privilege}${mark.columns ? ` on ${mark.columns.join(', ')}` : ''} — ${how}\n${[...new Set(lines)].join('\n')}`;
}

function MarkBadge({ mark, self }: { mark: EffectiveMark; self: PrincipalDetail['ref'] }) {
  const cols = mark.columns;
  // Rows have a fixed height (virtualised): name one column, count several; the tooltip lists them.
  const suffix = cols ? (cols.length === 1 ? `(${cols[0]})` : `(${cols.length} columns)`) : undefined;
  return <PrivilegeBadge privilege={mark.privilege} grantOption={mark.grantOption} inherited={!mark.direct} suffix={suffix} title={markTitle(mark, self)} />;
}

function objectRowOf(o: ObjectRow): EffectiveRow {
  return { key: `none\u001f${o.ref.kind}\u001f${o.ref.name}\u001f${o.ref.args ?? ''}`, object: o.ref, kind: o.kind, label: objectShortName(o.ref), cells: [], marks: [] };
}

/** What a principal can do in one schema (or on the database), direct vs inherited, with the path behind each. */
export function EffectivePanel({ session, detail }: { session: SessionInfo; detail: PrincipalDetail }) {
  const { summary } = useCatalog(session.id);
  const ref = detail.ref;
  const schemasQ = useCatalogQuery(session.id, 'schemas', () => catalogApi.schemas(session.id));
  const [picked, setPicked] = useSessionUI<string | null>(session.id, 'effective.schema', null);
  const [showAll, setShowAll] = useSessionUI(session.id, 'effective.all', false);

  const schemas = useMemo(() => schemasQ.data ?? [], [schemasQ.data]);
  // Default: the first schema where it holds a direct grant, else the first user schema.
  const fallback = useMemo(() => {
    const user = new Set(schemas.filter((s) => !s.system).map((s) => s.name));
    const direct = detail.grants.find((g) => g.object.schema && user.has(g.object.schema))?.object.schema;
    return direct ?? schemas.find((s) => !s.system)?.name ?? schemas[0]?.name ?? DATABASE_SCOPE;
  }, [detail.grants, schemas]);
  const scope = picked && (picked === DATABASE_SCOPE || schemas.some((s) => s.name === picked)) ? picked : fallback;
  const isDb = scope === DATABASE_SCOPE;

  const effQ = useCatalogQuery(session.id, schemasQ.data ? `effective:${principalKey(ref)}:${scope}` : null, () =>
    isDb ? catalogApi.effectiveDatabase(session.id, ref) : catalogApi.effective(session.id, ref, scope),
  );
  const objsQ = useCatalogQuery(session.id, schemasQ.data && !isDb ? `objects:${scope}` : null, () => catalogApi.schemaObjects(session.id, scope));

  const kinds = useMemo(() => {
    const m = new Map<string, string>();
    for (const o of objsQ.data ?? []) if (o.ref.kind === 'table') m.set(relKey(o.ref.schema ?? '', o.ref.name ?? ''), o.kind);
    return m;
  }, [objsQ.data]);

  const rows = useMemo(() => {
    const withAccess = groupEffective(effQ.data?.cells ?? [], kinds);
    if (!showAll || isDb || !objsQ.data) return withAccess;
    const seen = new Set(withAccess.map((r) => `${r.object.kind}\u001f${r.object.name}\u001f${r.object.args ?? ''}`));
    const none = objsQ.data.filter((o) => !seen.has(`${o.ref.kind}\u001f${o.ref.name}\u001f${o.ref.args ?? ''}`)).map(objectRowOf);
    return [...withAccess, ...none];
  }, [effQ.data, kinds, showAll, isDb, objsQ.data]);

  // Objects of the schema (the schema's own row is not one of them).
  const withAccess = rows.filter((r) => r.cells.length > 0 && r.object.kind !== 'schema').length;
  const name = principalLabel(ref);
  const options = [
    { group: 'Database', items: [{ value: DATABASE_SCOPE, label: `Database ${summary?.database ?? ''} and languages` }] },
    { group: 'Schemas', items: schemas.filter((s) => !s.system).map((s) => ({ value: s.name, label: s.name })) },
    ...(schemas.some((s) => s.system) ? [{ group: 'System schemas', items: schemas.filter((s) => s.system).map((s) => ({ value: s.name, label: s.name })) }] : []),
  ];

  // Redshift scoped permissions: their own strip, not object rows.
  const scopedHeld = scopedMarks(effQ.data?.scoped ?? [], [], ref, summary?.database ?? '');

  let body;
  if (schemasQ.error) body = <ErrorPane error={schemasQ.error} onRetry={schemasQ.reload} />;
  else if (effQ.error) body = <ErrorPane error={effQ.error} onRetry={effQ.reload} />;
  else if (!effQ.data) body = <PaneLoader label="Working out effective privileges…" />;
  else
    body = (
      <VirtualRows
        label={`Effective access of ${name}`}
        count={rows.length}
        rowHeight={34}
        rowKey={(i) => rows[i].key}
        empty={
          <EmptyHint icon={<IconLockOpenOff size={20} />} title={isDb ? `No database-level privileges for ${name}` : `${name} has no privileges in ${scope}`}>
            {isDb
              ? 'Neither it nor its roles, groups or PUBLIC hold CONNECT, CREATE, TEMP or language USAGE.'
              : 'Neither it nor any role, group or PUBLIC it inherits from holds a privilege on this schema or its objects. Owners keep their rights; those are not listed.'}
          </EmptyHint>
        }
        renderRow={(i) => {
          const r = rows[i];
          return (
            <Group gap={8} wrap="nowrap" style={{ width: '100%', minWidth: 0, opacity: r.cells.length ? 1 : 0.55 }}>
              <Box style={{ width: 'min(42%, 300px)', minWidth: 0, flexShrink: 0 }}>
                <ObjectLink object={r.object} kind={r.kind} label={r.object.kind === 'schema' ? `${r.label} (the schema)` : r.label} />
              </Box>
              <Group gap={4} wrap="nowrap" style={{ overflowX: 'auto', scrollbarWidth: 'thin', minWidth: 0 }}>
                {r.cells.length ? (
                  r.marks.map((m) => <MarkBadge key={`${m.privilege}:${m.direct}:${m.inherited}:${m.columns ? 'c' : ''}`} mark={m} self={ref} />)
                ) : (
                  <Text size="xs" c="dimmed">
                    no access
                  </Text>
                )}
              </Group>
            </Group>
          );
        }}
      />
    );

  return (
    <>
      <Box px="lg" py="xs" style={{ borderBottom: '1px solid var(--app-border)' }}>
        <Group gap="sm" wrap="wrap">
          <Select
            aria-label="Schema"
            data={options}
            value={scope}
            onChange={(v) => v && setPicked(v)}
            searchable
            w={240}
            nothingFoundMessage="No such schema"
            comboboxProps={{ withinPortal: true }}
          />
          {!isDb && (
            <Switch size="xs" label="Show objects without access" checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
          )}
        </Group>
        <Group gap="sm" mt={6} wrap="nowrap" justify="space-between">
          {effQ.data ? (
            <Text size="xs" c="dimmed" truncate>
              {isDb
                ? `${plural(rows.length, 'object')} with access`
                : `${fmtCount(withAccess)} of ${plural(objsQ.data?.length ?? withAccess, 'object')} in ${scope} with some access${effQ.data.superuser || effQ.data.cells.some((c) => c.object.kind === 'schema' && c.privilege === 'USAGE') ? '' : ' · no USAGE on the schema, so none of it is reachable'}`}
            </Text>
          ) : (
            <span />
          )}
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <PrivilegeBadge privilege="SELECT" title="Granted to it directly" />
            <Text size="xs" c="dimmed">
              direct
            </Text>
            <PrivilegeBadge privilege="SELECT" inherited title="Held through a role, group or PUBLIC" />
            <Text size="xs" c="dimmed">
              inherited (hover for the path)
            </Text>
          </Group>
        </Group>
      </Box>
      {effQ.data?.superuser && (
        <Alert color="grape" variant="light" icon={<IconCrown size={16} />} mx="lg" mt="sm" py={6} title={`${name} is a superuser`}>
          <Text size="xs">A superuser bypasses every privilege check: it can do everything. Only explicit grants are listed below.</Text>
        </Alert>
      )}
      {scopedHeld.length > 0 && (
        <Box mt="sm">
          <ScopedPermissions marks={scopedHeld} px="lg" />
        </Box>
      )}
      <Box style={{ flex: 1, minHeight: 0 }}>{body}</Box>
    </>
  );
}
