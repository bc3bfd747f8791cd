import { Alert, Box, Group, SegmentedControl, Select, Switch, Text } from '@mantine/core';
import { IconCrown, IconInfoCircle, IconLockOpenOff, IconUserShare } from '@tabler/icons-react';
import { Fragment, useMemo } from 'react';
import { catalogApi, type EffectiveCell, type ObjectRow, type PrincipalDetail, type SessionInfo } from '../../../api';
import { fmtCount, objectShortName, plural, principalKey, principalLabel } from '../format';
import { EmptyHint, ErrorPane, ObjectLink, PaneLoader, PrivilegeBadge } from '../parts';
import { useCatalog, useCatalogQuery, usePrivilegeOrder, useSessionUI } from '../store';
import { EMPTY_VOCABULARY } from '../../editors/vocabulary';
import { VirtualRows } from '../VirtualList';
import { filterEffective, groupEffective, isSetRoleOnly, relKey, sourceLines, type EffectiveMark, type EffectiveRow, type EffectiveShow } from './grouping';
import { scopedMarks } from '../../editors/matrix';
import { ScopedPermissions } from '../../editors/ScopedPermissions';
import { SystemPermissionsStrip } from './SystemPermissionsStrip';

/** Select value of the database-level rows (no schema can have this name). */
export const DATABASE_SCOPE = '\u0000database';

/** Tooltip text: how the privilege is held and the path behind each source. */
export function markTitle(mark: EffectiveMark, self: PrincipalDetail['ref']): string {
  const how = mark.setRole
    ? `not held in its login session: available after SET ROLE ${mark.setRole}`
    : mark.direct
      ? mark.inherited
        ? 'direct and inherited'
        : 'direct'
      : 'inherited';
  const lines = mark.cells.flatMap((c) => sourceLines(c, self).map((l) => (c.object.column ? `${c.object.column}: ${l}` : l)));
  return `${mark.privilege}${mark.columns ? ` on ${mark.columns.join(', ')}` : ''} — ${how}\n${[...new Set(lines)].join('\n')}`;
}

function MarkBadge({ mark, self }: { mark: EffectiveMark; self: PrincipalDetail['ref'] }) {
  const cols = mark.columns;
  // Rows have a fixed height (virtualised): name one column, count several; the tooltip lists them.
  const suffix = cols ? (cols.length === 1 ? `(${cols[0]})` : `(${cols.length} columns)`) : undefined;
  return (
    <PrivilegeBadge
      privilege={mark.privilege}
      grantOption={mark.grantOption}
      inherited={!mark.direct}
      setRole={mark.setRole}
      suffix={suffix}
      title={markTitle(mark, self)}
    />
  );
}

/** The SET ROLE marks of a row, after a label naming the role to set (one label per role). */
function SetRoleMarks({ marks, self }: { marks: EffectiveMark[]; self: PrincipalDetail['ref'] }) {
  const roles = [...new Set(marks.map((m) => m.setRole!))];
  return roles.map((role) => (
    <Fragment key={role}>
      <Group gap={3} wrap="nowrap" style={{ flexShrink: 0, marginLeft: 6 }} data-set-role-label={role} title={`Not held in its login session: run SET ROLE ${role} first`}>
        <IconUserShare size={13} style={{ color: 'var(--mantine-color-dimmed)' }} aria-hidden />
        <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          SET ROLE {role}:
        </Text>
      </Group>
      {marks
        .filter((m) => m.setRole === role)
        .map((m) => (
          <MarkBadge key={`${m.privilege}:${m.columns ? 'c' : ''}`} mark={m} self={self} />
        ))}
    </Fragment>
  ));
}

/** The object a cell is about (a column's is its relation). */
function objectId(c: EffectiveCell): string {
  return [c.object.kind === 'column' ? 'table' : c.object.kind, c.object.schema ?? '', c.object.name ?? '', c.object.args ?? ''].join('\u001f');
}

function objectRowOf(o: ObjectRow): EffectiveRow {
  return { key: `none\u001f${o.ref.kind}\u001f${o.ref.name}\u001f${o.ref.args ?? ''}`, object: o.ref, kind: o.kind, label: objectShortName(o.ref), cells: [], marks: [] };
}

/** What a principal can do in one schema (or on the database), direct vs inherited, with the path behind each. */
export function EffectivePanel({ session, detail }: { session: SessionInfo; detail: PrincipalDetail }) {
  const { summary } = useCatalog(session.id);
  const order = usePrivilegeOrder(session.id);
  const ref = detail.ref;
  const schemasQ = useCatalogQuery(session.id, 'schemas', () => catalogApi.schemas(session.id));
  const [picked, setPicked] = useSessionUI<string | null>(session.id, 'effective.schema', null);
  const [showAll, setShowAll] = useSessionUI(session.id, 'effective.all', false);
  const [show, setShow] = useSessionUI<EffectiveShow>(session.id, 'effective.show', 'all');

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

  // What SET ROLE unlocks (PostgreSQL): filtered apart, so "held" never includes it.
  const allCells = useMemo(() => effQ.data?.cells ?? [], [effQ.data]);
  const setRoleCount = useMemo(() => allCells.filter(isSetRoleOnly).length, [allCells]);
  const shown: EffectiveShow = setRoleCount ? show : 'all';
  const rows = useMemo(() => {
    const withAccess = groupEffective(filterEffective(allCells, shown), kinds, order);
    if (!showAll || isDb || !objsQ.data) return withAccess;
    const seen = new Set(withAccess.map((r) => `${r.object.kind}\u001f${r.object.name}\u001f${r.object.args ?? ''}`));
    const none = objsQ.data.filter((o) => !seen.has(`${o.ref.kind}\u001f${o.ref.name}\u001f${o.ref.args ?? ''}`)).map(objectRowOf);
    return [...withAccess, ...none];
  }, [allCells, shown, kinds, order, showAll, isDb, objsQ.data]);

  // Objects of the schema (the schema's own row is not one of them).
  // "With some access" counts what the login session holds; SET ROLE is counted apart.
  const withAccess = useMemo(() => new Set(allCells.filter((c) => c.object.kind !== 'schema' && !isSetRoleOnly(c)).map(objectId)).size, [allCells]);
  // Implicit steps behind the privileges in view (pg_database_owner, predefined roles): no grant row shows them.
  const notes = useMemo(() => [...new Set(filterEffective(allCells, shown).flatMap((c) => c.sources.map((x) => x.note ?? '')))].filter(Boolean).sort(), [allCells, shown]);
  const sessionUsage = allCells.some((c) => c.object.kind === 'schema' && c.privilege === 'USAGE' && !isSetRoleOnly(c));
  const setRoleObjects = useMemo(() => new Set(allCells.filter(isSetRoleOnly).map(objectId)).size, [allCells]);
  const name = principalLabel(ref);
  const options = [
    { group: 'Database', items: [{ value: DATABASE_SCOPE, label: `Database ${summary?.database ?? ''} and languages` }] },
    { group: 'Schemas', items: schemas.filter((s) => !s.system).map((s) => ({ value: s.name, label: s.name })) },
    ...(schemas.some((s) => s.system) ? [{ group: 'System schemas', items: schemas.filter((s) => s.system).map((s) => ({ value: s.name, label: s.name })) }] : []),
  ];

  // Redshift scoped permissions: their own strip, not object rows.
  const scopedHeld = scopedMarks(summary?.vocabulary ?? EMPTY_VOCABULARY, effQ.data?.scoped ?? [], [], ref, summary?.database ?? '');

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
              ? shown === 'set_role'
                ? 'No role it can SET ROLE to adds a database-level privilege.'
                : 'Neither it nor its roles, groups or PUBLIC hold CONNECT, CREATE, TEMP or language USAGE.'
              : shown === 'set_role'
                ? 'No role it can SET ROLE to adds a privilege on this schema or its objects.'
                : 'Neither it nor any role, group or PUBLIC it inherits from holds a privilege on this schema or its objects; an owner’s own rights would be listed here as direct.'}
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
                  <>
                    {r.marks
                      .filter((m) => !m.setRole)
                      .map((m) => (
                        <MarkBadge key={`${m.privilege}:${m.direct}:${m.inherited}:${m.columns ? 'c' : ''}`} mark={m} self={ref} />
                      ))}
                    <SetRoleMarks marks={r.marks.filter((m) => m.setRole)} self={ref} />
                  </>
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
          {setRoleCount > 0 && (
            <SegmentedControl
              size="xs"
              aria-label="Show privileges"
              value={shown}
              onChange={(v) => setShow(v as EffectiveShow)}
              data={[
                { value: 'session', label: 'Login session' },
                { value: 'all', label: '+ after SET ROLE' },
                { value: 'set_role', label: 'SET ROLE only' },
              ]}
            />
          )}
          {!isDb && (
            <Switch size="xs" label="Show objects without access" checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
          )}
        </Group>
        <Group gap="sm" mt={6} wrap="wrap" justify="space-between">
          {/* The summary keeps a readable width; the legend moves below it when the pane is narrow. */}
          {effQ.data ? (
            <Text size="xs" c="dimmed" truncate style={{ flex: '1 1 320px', minWidth: 0 }}>
              {isDb
                ? `${plural(withAccess, 'object')} with access`
                : `${fmtCount(withAccess)} of ${plural(objsQ.data?.length ?? withAccess, 'object')} in ${scope} with some access${effQ.data.superuser || sessionUsage ? '' : ' · no USAGE on the schema in its login session, so none of it is reachable'}`}
              {setRoleCount > 0 && ` · ${plural(setRoleObjects, 'object')} with more after SET ROLE`}
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
            {setRoleCount > 0 && (
              <>
                <PrivilegeBadge privilege="SELECT" setRole="role" title="Not held in the login session: held after SET ROLE to the role named before it" />
                <Text size="xs" c="dimmed">
                  after SET ROLE
                </Text>
              </>
            )}
          </Group>
        </Group>
        {notes.length > 0 && (
          <Group gap={6} mt={4} wrap="nowrap" aria-label="Implicit access">
            <IconInfoCircle size={13} style={{ color: 'var(--mantine-color-dimmed)', flexShrink: 0 }} aria-hidden />
            <Text size="xs" c="dimmed" truncate title={notes.join('\n')}>
              Also held without any grant: {notes.join(' · ')} (hover a badge for its path)
            </Text>
          </Group>
        )}
      </Box>
      {effQ.data?.setRoleSuperuser && !effQ.data.superuser && (
        <Alert color="grape" variant="light" icon={<IconCrown size={16} />} mx="lg" mt="sm" py={6} title={`${name} can become a superuser`}>
          <Text size="xs">
            After SET ROLE {effQ.data.setRoleSuperuser} (a superuser role it is a member of) it bypasses every privilege check. Only grants are listed below.
          </Text>
        </Alert>
      )}
      {effQ.data?.superuser && (
        <Alert color="grape" variant="light" icon={<IconCrown size={16} />} mx="lg" mt="sm" py={6} title={`${name} is a superuser`}>
          <Text size="xs">A superuser bypasses every privilege check: it can do everything. Only explicit grants are listed below.</Text>
        </Alert>
      )}
      {(effQ.data?.system?.length ?? 0) > 0 && (
        <Box mt="sm">
          <SystemPermissionsStrip cells={effQ.data!.system!} px="lg" />
        </Box>
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
