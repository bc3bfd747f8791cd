import { Badge, Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconColumns3, IconFolder, IconKey, IconKeyOff } from '@tabler/icons-react';
import { Suspense, lazy, useMemo, type ReactNode } from 'react';
import { DependenciesSection } from './DependenciesSection';
import { FutureObjectsSection } from './FutureObjectsSection';
import { catalogApi, type Grant, type ObjectRef, type ObjectRow, type SchemaRow, type SessionInfo } from '../../../api';
import { EMPTY_VOCABULARY, kindOf, schemaKinds, title } from '../../editors/vocabulary';
import { RELATION_LABEL, objectFullName, objectKey, plural, privilegeOrder } from '../format';
import { ObjectIcon } from '../icons';
import { EmptyHint, ErrorPane, PaneLoader, PrincipalLink, PrivilegeBadge, Section } from '../parts';
import { PrivilegeMarks } from '../principal/GrantsPanel';
import { ObjectActions } from '../slots';
import { useCatalog, useCatalogQuery, useSessionUI, type ObjectSelection } from '../store';
import { VirtualRows } from '../VirtualList';
import { columnGrants, grantsByGrantee, schemaCounts, sortObjects } from './logic';
import { ScopedGrantsTable } from './ScopedGrantsTable';

// The insight screens load on first use (a bundle of their own).
const WhoCanAccessSection = lazy(() => import('../../insight/WhoCanAccessSection'));

function WhoCanAccess({ session, object }: { session: SessionInfo; object: ObjectRef }) {
  return (
    <Suspense fallback={<PaneLoader />}>
      <WhoCanAccessSection session={session} object={object} />
    </Suspense>
  );
}

function Header({ icon, title, kind, children, actions }: { icon: ReactNode; title: string; kind: string; children?: ReactNode; actions: ReactNode }) {
  return (
    <Box px="lg" pt="md" pb="sm" style={{ borderBottom: '1px solid var(--app-border)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap={10} wrap="nowrap" style={{ minWidth: 0 }}>
          {icon}
          <Title order={3} fz={19} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={title}>
            {title}
          </Title>
          <Badge size="sm" variant="default" style={{ flexShrink: 0 }}>
            {kind}
          </Badge>
        </Group>
        {/* The editing UI fills this slot with its buttons. */}
        <Group gap={6} wrap="nowrap" data-slot="object-actions">
          {actions}
        </Group>
      </Group>
      {children && (
        <Group gap="lg" mt={6}>
          {children}
        </Group>
      )}
    </Box>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

/** Who holds what on one object: a row per grantee (and grantor). */
export function GrantsTable({ grants, owner, what, order = [] }: { grants: Grant[]; owner?: string; what: string; order?: readonly string[] }) {
  const rows = useMemo(() => grantsByGrantee(grants, order), [grants, order]);
  if (!rows.length)
    return (
      <EmptyHint icon={<IconKeyOff size={18} />} title={`No grants on this ${what}`} compact>
        {owner ? `Only its owner (${owner}) and superusers can use it.` : 'Only its owner and superusers can use it.'}
      </EmptyHint>
    );
  return (
    <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" highlightOnHover aria-label={`Grants on this ${what}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Grantee</Table.Th>
          <Table.Th>Privileges</Table.Th>
          <Table.Th>Grant option</Table.Th>
          <Table.Th>Grantor</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const withOption = r.privileges.filter((p) => p.grantOption).map((p) => p.privilege);
          return (
            <Table.Tr key={r.key} data-grantee={r.grantee.kind === 'public' ? 'PUBLIC' : r.grantee.name}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <PrincipalLink principal={r.grantee} />
                  {r.builtIn && (
                    <Badge size="xs" variant="light" color="gray" title="The engine's built-in default: never granted explicitly">
                      built-in
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <PrivilegeMarks marks={r.privileges} />
                </Group>
              </Table.Td>
              <Table.Td>
                {withOption.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Text size="xs">{withOption.length === r.privileges.length ? 'all' : withOption.join(', ')}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {r.grantor || '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function DatabaseDetail({ session, database }: { session: SessionInfo; database: string }) {
  const ref: ObjectRef = { kind: 'database', name: database };
  const grantsQ = useCatalogQuery(session.id, `grants:${objectKey(ref)}`, () => catalogApi.objectGrants(session.id, ref));
  const schemasQ = useCatalogQuery(session.id, 'schemas', () => catalogApi.schemas(session.id));
  const [, setSelection] = useSessionUI<ObjectSelection | null>(session.id, 'objects.selection', null);
  const [expanded, setExpanded] = useSessionUI<string[]>(session.id, 'objects.expanded', []);
  const { summary } = useCatalog(session.id);
  const vocab = summary?.vocabulary ?? EMPTY_VOCABULARY;
  const scopedForms = !!summary?.capabilities.scopedPermissions;
  const schemas = (schemasQ.data ?? []).filter((s) => !s.system);
  const open = (s: SchemaRow) => {
    setSelection({ kind: 'schema', schema: s.name });
    if (!expanded.includes(s.name)) setExpanded([...expanded, s.name]);
  };
  return (
    <>
      <Header
        icon={<ObjectIcon kind="database" size={22} />}
        title={database}
        kind="Database"
        actions={<ObjectActions session={session} object={ref} />}
      >
        <Meta label="Schemas">{schemasQ.data ? schemas.length : '…'}</Meta>
        {summary && <Meta label="Relations">{summary.counts.relations.toLocaleString('en-US')}</Meta>}
        {summary && <Meta label="Routines">{summary.counts.routines.toLocaleString('en-US')}</Meta>}
      </Header>
      <Stack gap="md" p="lg">
        <Section title="Privileges on the database" icon={<IconKey size={15} />} count={grantsQ.data ? grantsByGrantee(grantsQ.data, privilegeOrder(vocab)).length : undefined}>
          {grantsQ.error ? <ErrorPane error={grantsQ.error} onRetry={grantsQ.reload} /> : !grantsQ.data ? <PaneLoader /> : <GrantsTable grants={grantsQ.data} what="database" order={privilegeOrder(vocab)} />}
        </Section>
        {scopedForms && grantsQ.data && (
          <Section title="Scoped permissions in the database" icon={<IconKey size={15} />} help="GRANT … FOR SCHEMAS | TABLES | FUNCTIONS | PROCEDURES | LANGUAGES | COPY JOBS IN DATABASE: every current and future object of the kind, whoever creates it.">
            <ScopedGrantsTable grants={grantsQ.data} where={`database ${database}`} />
          </Section>
        )}
        <WhoCanAccess session={session} object={ref} />
        <Section title="Schemas" icon={<IconFolder size={15} />} count={schemas.length}>
          {!schemasQ.data ? (
            <PaneLoader />
          ) : schemas.length === 0 ? (
            <EmptyHint title="No schemas besides the system ones" compact />
          ) : (
            <Table verticalSpacing={5} horizontalSpacing="md" fz="sm" highlightOnHover aria-label="Schemas">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Schema</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Contents</Table.Th>
                  <Table.Th ta="right">Grants</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {schemas.map((s) => (
                  <Table.Tr key={s.name} style={{ cursor: 'pointer' }} onClick={() => open(s)}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <IconFolder size={14} />
                        <Text size="sm" fw={500}>
                          {s.name}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{s.type || 'local'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{s.owner}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {schemaCounts(vocab, s)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="xs">{s.grants || '–'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </Stack>
    </>
  );
}

function GranteeChips({ row, max = 4 }: { row: ObjectRow; max?: number }) {
  const shown = row.grantees.slice(0, max);
  return (
    <Group gap={6} wrap="nowrap" style={{ overflow: 'hidden', minWidth: 0 }}>
      {shown.map((g) => (
        <PrincipalLink key={`${g.kind}:${g.name}`} principal={g} size="xs" />
      ))}
      {row.grantees.length > max && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          +{row.grantees.length - max}
        </Text>
      )}
      {row.grantees.length === 0 && (
        <Text size="xs" c="dimmed">
          owner only
        </Text>
      )}
    </Group>
  );
}

/** A schema's objects of one kind: name, owner and grantees, virtualised. */
function ObjectList({ schema, objects, routine, what, onOpen }: { schema: string; objects: ObjectRow[]; routine: boolean; what: string; onOpen: (o: ObjectRow) => void }) {
  return (
    <>
      <Group px="md" py={6} gap={8} wrap="nowrap" style={{ borderBottom: '1px solid var(--app-border)' }}>
        <Text size="xs" fw={600} c="dimmed" style={{ width: '38%' }}>
          Name
        </Text>
        <Text size="xs" fw={600} c="dimmed" style={{ width: 120 }}>
          Owner
        </Text>
        <Text size="xs" fw={600} c="dimmed">
          Grantees
        </Text>
      </Group>
      <Box style={{ height: Math.min(objects.length * 34, 520) }}>
        <VirtualRows
          label={`${title(what)} in ${schema}`}
          count={objects.length}
          rowHeight={34}
          rowKey={(i) => `${objects[i].ref.kind}:${objects[i].ref.name}:${objects[i].ref.args ?? ''}`}
          renderRow={(i) => {
            const o = objects[i];
            return (
              <Group gap={8} wrap="nowrap" style={{ width: '100%', minWidth: 0 }}>
                <Box style={{ width: '38%', minWidth: 0, display: 'flex' }}>
                  <button
                    type="button"
                    className="rsmate-object-link"
                    onClick={() => onOpen(o)}
                    title={`${RELATION_LABEL[o.kind] ?? o.kind} ${objectFullName(o.ref)}`}
                    style={{ all: 'unset', cursor: 'pointer', display: 'flex', alignItems: 'center', gap: 6, minWidth: 0, color: 'var(--mantine-color-anchor)' }}
                  >
                    <ObjectIcon kind={o.kind} />
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      {o.ref.name}
                      {routine ? `(${o.ref.args ?? ''})` : ''}
                    </span>
                  </button>
                </Box>
                <Text size="xs" c="dimmed" truncate style={{ width: 120, flexShrink: 0 }}>
                  {o.owner}
                </Text>
                <GranteeChips row={o} />
              </Group>
            );
          }}
        />
      </Box>
    </>
  );
}

function SchemaDetail({ session, schema }: { session: SessionInfo; schema: string }) {
  const ref: ObjectRef = { kind: 'schema', schema };
  const schemasQ = useCatalogQuery(session.id, 'schemas', () => catalogApi.schemas(session.id));
  const grantsQ = useCatalogQuery(session.id, `grants:${objectKey(ref)}`, () => catalogApi.objectGrants(session.id, ref));
  const objsQ = useCatalogQuery(session.id, `objects:${schema}`, () => catalogApi.schemaObjects(session.id, schema));
  const [, setSelection] = useSessionUI<ObjectSelection | null>(session.id, 'objects.selection', null);
  const { summary } = useCatalog(session.id);
  const vocab = summary?.vocabulary ?? EMPTY_VOCABULARY;
  const scopedForms = !!summary?.capabilities.scopedPermissions;
  const s = schemasQ.data?.find((x) => x.name === schema);
  const objects = useMemo(() => sortObjects(objsQ.data ?? []), [objsQ.data]);
  if (schemasQ.data && !s)
    return <EmptyHint title={`Schema ${schema} is not in this database`}>It may have been dropped; refresh the catalog.</EmptyHint>;
  return (
    <>
      <Header icon={<IconFolder size={22} />} title={schema} kind={`${s?.type && s.type !== 'local' ? `${s.type} ` : ''}Schema`} actions={<ObjectActions session={session} object={ref} />}>
        {s && <Meta label="Owner">{s.owner}</Meta>}
        {s && <Meta label="Contains">{schemaCounts(vocab, s)}</Meta>}
      </Header>
      <Stack gap="md" p="lg">
        <Section title="Privileges on the schema" icon={<IconKey size={15} />} help="USAGE lets a principal reach the objects inside; CREATE lets it add objects. Object grants are useless without USAGE.">
          {grantsQ.error ? <ErrorPane error={grantsQ.error} onRetry={grantsQ.reload} /> : !grantsQ.data ? <PaneLoader /> : <GrantsTable grants={grantsQ.data} owner={s?.owner} what="schema" order={privilegeOrder(vocab)} />}
        </Section>
        {scopedForms && grantsQ.data && (
          <Section title="Scoped permissions in the schema" icon={<IconKey size={15} />} help="GRANT … FOR TABLES | FUNCTIONS | PROCEDURES IN SCHEMA: every current and future object of the kind here, whoever creates it.">
            <ScopedGrantsTable grants={grantsQ.data} where={`schema ${schema}`} />
          </Section>
        )}
        <WhoCanAccess session={session} object={ref} />
        <FutureObjectsSection session={session} schema={schema} />
        {/* One section per kind of object a schema holds (the session's vocabulary). */}
        {schemaKinds(vocab).map((k) => {
          const list = objects.filter((o) => o.ref.kind === k.kind);
          return (
            <Section key={k.kind} title={title(k.plural)} icon={<ObjectIcon kind={k.kind} />} count={objsQ.data ? list.length : undefined}>
              {objsQ.error ? (
                <ErrorPane error={objsQ.error} onRetry={objsQ.reload} />
              ) : !objsQ.data ? (
                <PaneLoader />
              ) : list.length === 0 ? (
                <EmptyHint title={`No ${k.plural} in ${schema}`} compact />
              ) : (
                <ObjectList schema={schema} objects={list} routine={!!k.routine} what={k.plural} onOpen={(o) => setSelection({ kind: 'object', schema, ref: o.ref })} />
              )}
            </Section>
          );
        })}
      </Stack>
    </>
  );
}

function ObjectDetail({ session, schema, object: ref }: { session: SessionInfo; schema: string; object: ObjectRef }) {
  const objsQ = useCatalogQuery(session.id, `objects:${schema}`, () => catalogApi.schemaObjects(session.id, schema));
  const grantsQ = useCatalogQuery(session.id, `grants:${objectKey(ref)}`, () => catalogApi.objectGrants(session.id, ref));
  const row = objsQ.data?.find((o) => o.ref.kind === ref.kind && o.ref.name === ref.name && (o.ref.args ?? '') === (ref.args ?? ''));
  const kind = row?.kind ?? ref.kind;
  const { summary } = useCatalog(session.id);
  const vocab = summary?.vocabulary ?? EMPTY_VOCABULARY;
  const order = privilegeOrder(vocab);
  // Objects of a kind with column privileges (tables, views) list their columns.
  const isRelation = !!kindOf(vocab, ref.kind)?.columnPrivileges?.length;
  const colsQ = useCatalogQuery(session.id, isRelation ? `columns:${schema}\u001f${ref.name}` : null, () => catalogApi.columns(session.id, schema, ref.name ?? ''));
  const colGrants = useMemo(() => columnGrants(grantsQ.data ?? [], order), [grantsQ.data, order]);
  const label = RELATION_LABEL[kind] ?? title(kindOf(vocab, ref.kind)?.noun ?? kind);

  if (objsQ.data && !row)
    return <EmptyHint title={`${objectFullName(ref)} is not in this database`}>It may have been dropped or renamed; refresh the catalog.</EmptyHint>;
  return (
    <>
      <Header icon={<ObjectIcon kind={kind} size={22} />} title={objectFullName(ref)} kind={label} actions={<ObjectActions session={session} object={ref} />}>
        <Meta label="Schema">{schema}</Meta>
        {row && <Meta label="Owner">{row.owner}</Meta>}
        {row && <Meta label="Grantees">{row.grantees.length}</Meta>}
      </Header>
      <Stack gap="md" p="lg">
        <Section title="Grants" icon={<IconKey size={15} />}>
          {grantsQ.error ? (
            <ErrorPane error={grantsQ.error} onRetry={grantsQ.reload} />
          ) : !grantsQ.data ? (
            <PaneLoader />
          ) : (
            <GrantsTable grants={grantsQ.data} owner={row?.owner} what={label.toLowerCase()} order={order} />
          )}
        </Section>
        <WhoCanAccess session={session} object={ref} />
        {isRelation && (
          <Section
            title="Columns"
            icon={<IconColumns3 size={15} />}
            count={colsQ.data?.length}
            help="Read from the server when you open the object. Column privileges (SELECT or UPDATE on some columns) show next to each column."
          >
            {colsQ.error ? (
              <ErrorPane error={colsQ.error} onRetry={colsQ.reload} />
            ) : !colsQ.data ? (
              <PaneLoader label="Reading columns…" />
            ) : colsQ.data.length === 0 ? (
              <EmptyHint title="No columns" compact />
            ) : (
              <Table verticalSpacing={5} horizontalSpacing="md" fz="sm" aria-label="Columns">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>#</Table.Th>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Column privileges</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {colsQ.data.map((c) => {
                    const cg = colGrants.get(c.name) ?? [];
                    return (
                      <Table.Tr key={c.name}>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {c.position}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {c.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {c.type}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {cg.length === 0 ? (
                            <Text size="xs" c="dimmed">
                              —
                            </Text>
                          ) : (
                            <Stack gap={4}>
                              {cg.map((g) => (
                                <Group key={`${g.grantee.kind}:${g.grantee.name}`} gap={6} wrap="nowrap">
                                  <PrincipalLink principal={g.grantee} size="xs" />
                                  {g.privileges.map((p) => (
                                    <PrivilegeBadge key={p.privilege} privilege={p.privilege} grantOption={p.grantOption} />
                                  ))}
                                </Group>
                              ))}
                            </Stack>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
            {colsQ.data && colGrants.size > 0 && (
              <Text size="xs" c="dimmed" px="md" py={6}>
                {plural(colGrants.size, 'column')} with column privileges. Table-level grants above cover every column.
              </Text>
            )}
          </Section>
        )}
        {isRelation && <DependenciesSection sessionId={session.id} schema={schema} relation={ref.name ?? ''} />}
      </Stack>
    </>
  );
}

/** The right half of the object browser. */
export function ObjectPane({ session, selection, database }: { session: SessionInfo; selection: ObjectSelection; database: string }) {
  return (
    <Box style={{ height: '100%', overflow: 'auto' }}>
      {selection.kind === 'database' ? (
        <DatabaseDetail session={session} database={database} />
      ) : selection.kind === 'schema' ? (
        <SchemaDetail session={session} schema={selection.schema} />
      ) : (
        <ObjectDetail key={objectKey(selection.ref)} session={session} schema={selection.schema} object={selection.ref} />
      )}
    </Box>
  );
}
