import { ActionIcon, Badge, Box, Group, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconHierarchy2 } from '@tabler/icons-react';
import { Suspense, lazy, useMemo } from 'react';
import type { PrincipalDetail, SessionInfo } from '../../../api';
import { openGraph } from '../../graph/navigation';
import { PRINCIPAL_KIND_LABEL, featuresOf, plural, principalLabel } from '../format';
import { PrincipalIcon } from '../icons';
import { IdentityBadge, SuperuserBadge, SystemBadge, ExpiryBadge } from '../lists/badges';
import { PrincipalActions } from '../slots';
import { useCatalog, usePrivilegeOrder, useSessionUI } from '../store';
import { AssumeRolePanel } from './AssumeRolePanel';
import { DefaultsPanel } from './DefaultsPanel';
import { EffectivePanel } from './EffectivePanel';
import { GrantsPanel } from './GrantsPanel';
import { groupDefaults } from './grouping';
import { OverviewPanel } from './OverviewPanel';
import { PaneLoader } from '../parts';
import { ScopedPanel } from './ScopedPanel';
import { heldScoped } from '../../editors/scopedForms';
import { EMPTY_VOCABULARY } from '../../editors/vocabulary';

// The whole-database access table loads on first use (a bundle of its own).
const WholeAccessPanel = lazy(() => import('../../insight/WholeAccessPanel'));

export type DetailTab = 'overview' | 'privileges' | 'scoped' | 'defaults' | 'effective' | 'all' | 'iamroles';

/** Everything about one user, role, group or PUBLIC. */
export function PrincipalDetailView({ session, detail }: { session: SessionInfo; detail: PrincipalDetail }) {
  const { summary } = useCatalog(session.id);
  const f = featuresOf(summary);
  const order = usePrivilegeOrder(session.id);
  const [stored, setTab] = useSessionUI<DetailTab>(session.id, 'detail.tab', 'overview');
  const ref = detail.ref;
  // Redshift scoped permissions go to users and roles only.
  const showScoped = f.scoped && (ref.kind === 'user' || ref.kind === 'role');
  const scopedRows = useMemo(() => heldScoped(summary?.vocabulary ?? EMPTY_VOCABULARY, detail.grants).length, [summary?.vocabulary, detail.grants]);
  const tab =
    (stored === 'defaults' && !f.defaultPrivileges) || (stored === 'scoped' && !showScoped) || (stored === 'iamroles' && !f.redshift) ? 'overview' : stored;
  const name = principalLabel(ref);
  const u = detail.user;
  const r = detail.role;
  const defaults = useMemo(
    () => groupDefaults(detail.defaultsAsOwner).length + groupDefaults(detail.defaultsReceived).length,
    [detail.defaultsAsOwner, detail.defaultsReceived],
  );
  const roles = detail.memberOf.filter((m) => m.of.kind === 'role').length;
  const groups = detail.memberOf.filter((m) => m.of.kind === 'group').length;
  const showDefaults = f.defaultPrivileges;

  const subtitle = [
    ref.kind === 'public' ? 'Every user, now and future' : PRINCIPAL_KIND_LABEL[ref.kind],
    ref.kind !== 'public' && (roles || ref.kind === 'user' || ref.kind === 'role') && `member of ${plural(roles, 'role')}`,
    groups > 0 && plural(groups, 'group'),
    (ref.kind === 'role' || ref.kind === 'group') && plural(detail.members.length, 'member'),
    plural(detail.grants.length, 'direct grant'),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }} aria-label={`${PRINCIPAL_KIND_LABEL[ref.kind]} ${name}`} role="region">
      <Box px="lg" pt="md" pb="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap={10} wrap="nowrap" style={{ minWidth: 0 }}>
            <PrincipalIcon kind={ref.kind} size={22} color="var(--mantine-primary-color-filled)" />
            <Title order={3} fz={19} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={name}>
              {name}
            </Title>
            <Group gap={4} wrap="nowrap">
              {(u?.superuser || r?.superuser) && <SuperuserBadge size="sm" />}
              {u && u.identity !== 'local' && <IdentityBadge identity={u.identity} size="sm" />}
              {r?.system && <SystemBadge size="sm" />}
              {u && <ExpiryBadge validUntil={u.validUntil} size="sm" />}
            </Group>
          </Group>
          {/* The editing UI fills this slot with its buttons. */}
          <Group gap={6} wrap="nowrap" data-slot="principal-actions">
            {ref.kind !== 'public' && (
              <Tooltip label="Show in the role graph">
                <ActionIcon variant="default" size="lg" aria-label="Show in the role graph" onClick={() => openGraph(session.id, ref)}>
                  <IconHierarchy2 size={16} stroke={1.7} />
                </ActionIcon>
              </Tooltip>
            )}
            <PrincipalActions session={session} principal={ref} detail={detail} />
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {subtitle}
        </Text>
      </Box>
      <Tabs
        value={tab}
        onChange={(v) => v && setTab(v as DetailTab)}
        keepMounted={false}
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
        styles={{ tab: { flexShrink: 0 } }}
      >
        {/* One row, scrolled sideways when narrow: wrapped tabs read as two levels. */}
        <Tabs.List px="lg" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'thin' }}>
          <Tabs.Tab value="overview">
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="privileges" rightSection={<Count n={detail.grants.length} />}>
            Privileges
          </Tabs.Tab>
          {showScoped && (
            <Tabs.Tab value="scoped" rightSection={<Count n={scopedRows} />}>
              Scoped permissions
            </Tabs.Tab>
          )}
          {showDefaults && (
            <Tabs.Tab value="defaults" rightSection={<Count n={defaults} />}>
              Default privileges
            </Tabs.Tab>
          )}
          <Tabs.Tab value="effective">
            Effective access
          </Tabs.Tab>
          <Tabs.Tab value="all">Whole database</Tabs.Tab>
          {f.redshift && <Tabs.Tab value="iamroles">IAM roles</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="overview" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          <OverviewPanel session={session} detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="privileges" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <GrantsPanel session={session} detail={detail} />
        </Tabs.Panel>
        {showScoped && (
          <Tabs.Panel value="scoped" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
            <ScopedPanel session={session} detail={detail} />
          </Tabs.Panel>
        )}
        {showDefaults && (
          <Tabs.Panel value="defaults" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
            <DefaultsPanel detail={detail} order={order} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="effective" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <EffectivePanel session={session} detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="all" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <Suspense fallback={<PaneLoader />}>
            <WholeAccessPanel session={session} detail={detail} />
          </Suspense>
        </Tabs.Panel>
        {f.redshift && (
          <Tabs.Panel value="iamroles" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
            <AssumeRolePanel session={session} detail={detail} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Box>
  );
}

function Count({ n }: { n: number }) {
  return (
    <Badge size="xs" variant="default" radius="xl" styles={{ root: { fontVariantNumeric: 'tabular-nums' } }}>
      {n.toLocaleString('en-US')}
    </Badge>
  );
}
