import { Badge, Box, Group, Select, Switch, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { insightApi, type ObjectRef, type SessionInfo } from '../../api';
import { objectKey, plural, principalLabel } from '../catalog/format';
import { EmptyHint, ErrorPane, PaneLoader, PrincipalLink, PrivilegeBadge, Section } from '../catalog/parts';
import { useCatalogQuery, usePrivilegeOrder } from '../catalog/store';
import { VirtualList } from '../catalog/VirtualList';
import { ExportMenu, type ExportItem } from './ExportMenu';
import { holderPrivileges, holderRows, type How } from './logic';
import classes from './WhoCanAccessSection.module.css';

const ROW_HEIGHT = 34;

const HOW_LABEL: Record<How, { text: string; color: string; title: string }> = {
  superuser: { text: 'superuser', color: 'grape', title: 'A superuser passes every permission check' },
  owner: { text: 'owner', color: 'teal', title: 'Owns the object: holds every privilege on it' },
  direct: { text: 'direct', color: 'blue', title: 'Granted to this principal itself' },
  inherited: { text: 'inherited', color: 'cyan', title: 'Through a role or group it belongs to' },
  public: { text: 'PUBLIC', color: 'gray', title: 'Only through grants to PUBLIC (everyone)' },
};

/** What the page can export: who can access it, and for a schema or the database its grants and the access review. */
export function exportItems(sessionId: string, object: ObjectRef, privilege: string): ExportItem[] {
  const items: ExportItem[] = [
    { label: `Who can access${privilege ? ` (${privilege})` : ''} as CSV`, run: () => insightApi.exportWhoCanAccess(sessionId, object, privilege) },
  ];
  if (object.kind === 'schema') {
    const scope = { schema: object.schema };
    items.push(
      { label: 'Grants of the schema as SQL script', run: () => insightApi.exportGrants(sessionId, scope, 'sql') },
      { label: 'Grants of the schema as CSV', run: () => insightApi.exportGrants(sessionId, scope, 'csv') },
    );
  }
  if (object.kind === 'database') {
    items.push(
      { label: 'Grants of the database as SQL script', run: () => insightApi.exportGrants(sessionId, {}, 'sql') },
      { label: 'Grants of the database as CSV', run: () => insightApi.exportGrants(sessionId, {}, 'csv') },
      { label: 'Access review as HTML', run: () => insightApi.exportReview(sessionId, 'html') },
      { label: 'Access review as CSV', run: () => insightApi.exportReview(sessionId, 'csv') },
    );
  }
  return items;
}

/**
 * Every principal with effective access to an object, schema or database,
 * with the path behind each privilege; filter by privilege, export as CSV.
 */
export function WhoCanAccessSection({ session, object }: { session: SessionInfo; object: ObjectRef }) {
  const q = useCatalogQuery(session.id, `who:${objectKey(object)}`, () => insightApi.whoCanAccess(session.id, object));
  const [privilege, setPrivilege] = useState('');
  const [text, setText] = useState('');
  const [hidePublicOnly, setHidePublicOnly] = useState(true);
  const [active, setActive] = useState(-1);
  const holders = useMemo(() => q.data ?? [], [q.data]);
  const order = usePrivilegeOrder(session.id);
  const privileges = useMemo(() => holderPrivileges(holders, order), [holders, order]);
  const rows = useMemo(() => holderRows(holders, { privilege, text, hidePublicOnly }, order), [holders, privilege, text, hidePublicOnly, order]);
  const publicRow = holders.find((h) => h.principal.kind === 'public' && h.cells.length > 0);
  const listHeight = Math.min(360, Math.max(rows.length, 1) * ROW_HEIGHT);

  return (
    <Section
      title="Who can access"
      icon={<IconUsersGroup size={15} />}
      count={q.data ? rows.length : undefined}
      help="Every principal with effective access: granted directly, through roles at any depth, groups, PUBLIC, ownership or superuser. The path says through which memberships."
      tools={
        <ExportMenu items={exportItems(session.id, object, privilege)} />
      }
    >
      {q.error ? (
        <ErrorPane error={q.error} onRetry={q.reload} />
      ) : !q.data ? (
        <PaneLoader />
      ) : (
        <Box>
          <Group gap="sm" mb="xs" wrap="wrap">
            <Select
              size="xs"
              w={170}
              aria-label="Privilege"
              placeholder="Every privilege"
              data={[{ value: '', label: 'Every privilege' }, ...privileges.map((p) => ({ value: p, label: p }))]}
              value={privilege}
              onChange={(v) => setPrivilege(v ?? '')}
              allowDeselect={false}
            />
            <TextInput
              size="xs"
              w={200}
              aria-label="Filter principals"
              placeholder="Filter by name or role"
              leftSection={<IconSearch size={12} />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Switch
              size="xs"
              label="Hide those with access only through PUBLIC"
              checked={hidePublicOnly}
              onChange={(e) => setHidePublicOnly(e.currentTarget.checked)}
            />
          </Group>
          {publicRow && hidePublicOnly && (
            <Text size="xs" c="dimmed" mb={6}>
              PUBLIC holds {[...new Set(publicRow.cells.map((c) => c.privilege))].join(', ')}: every user has it.
            </Text>
          )}
          <Box style={{ height: listHeight + 2, border: '1px solid var(--app-border)', borderRadius: 4 }}>
            <VirtualList
              label="Who can access"
              viewHeight={listHeight}
              count={rows.length}
              rowHeight={ROW_HEIGHT}
              rowKey={(i) => rows[i].key}
              rowLabel={(i) => {
                const r = rows[i];
                return `${principalLabel(r.principal)}: ${HOW_LABEL[r.how].text}; ${r.privileges.map((p) => p.privilege).join(', ') || 'every privilege'}; ${r.paths.join('; ')}`;
              }}
              activeIndex={active}
              onActiveChange={setActive}
              empty={<EmptyHint compact title={privilege ? `No one holds ${privilege} here` : 'No one has access'} />}
              renderRow={(i) => {
                const r = rows[i];
                const how = HOW_LABEL[r.how];
                return (
                  <div className={classes.row} data-holder={`${r.principal.kind}:${r.principal.name}`}>
                    <div className={classes.who}>
                      <PrincipalLink principal={r.principal} />
                    </div>
                    <Badge size="xs" variant="light" color={how.color} w={76} title={how.title} style={{ flexShrink: 0 }}>
                      {how.text}
                    </Badge>
                    <div className={classes.privileges}>
                      {r.privileges.slice(0, 6).map((p) => (
                        <PrivilegeBadge key={`${p.privilege}:${p.scope ?? ''}`} privilege={p.privilege} grantOption={p.grantOption} inherited={p.inherited} suffix={p.scope ? `(all ${p.scope.toLowerCase()})` : undefined} />
                      ))}
                      {r.privileges.length > 6 && <span className={classes.more}>+{r.privileges.length - 6}</span>}
                    </div>
                    <span className={classes.paths} title={[...r.paths, ...r.notes].join('\n')}>
                      {r.paths.filter((p) => p !== 'direct').join(' · ') || (r.how === 'superuser' || r.how === 'owner' ? '' : 'granted directly')}
                      {r.notes.length ? ` (${r.notes.join('; ')})` : ''}
                    </span>
                  </div>
                );
              }}
            />
          </Box>
          <Text size="xs" c="dimmed" mt={4}>
            {plural(rows.length, 'principal')} of {holders.length.toLocaleString('en-US')} with access. What a principal gains only after SET ROLE is not listed.
          </Text>
        </Box>
      )}
    </Section>
  );
}

export default WhoCanAccessSection;
