import { Badge, Box, Button, Code, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconHierarchy2, IconInfoCircle, IconShieldCheck, IconUsersGroup } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Membership, PrincipalDetail, SessionInfo, User } from '../../../api';
import {
  IDENTITY_DESCRIPTION,
  IDENTITY_LABEL,
  connectionLimit,
  featuresOf,
  fmtDate,
  parseServerTime,
  passwordExpiry,
  relativeTime,
  sessionTimeout,
  type Features,
} from '../format';
import { Chain, PrincipalLink, Section } from '../parts';
import { useCatalog } from '../store';
import { sortRefs } from './grouping';

function Fact({ label, children, help }: { label: string; children: ReactNode; help?: string }) {
  return (
    <Stack gap={1} style={{ minWidth: 0 }}>
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" fw={600}>
          {label}
        </Text>
        {help && (
          <Tooltip label={help} multiline w={280}>
            <IconInfoCircle size={12} style={{ color: 'var(--mantine-color-dimmed)' }} />
          </Tooltip>
        )}
      </Group>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

const yes = (b: boolean, on = 'Yes', off = 'No') => (
  <Text span size="sm" c={b ? undefined : 'dimmed'} fw={b ? 600 : undefined}>
    {b ? on : off}
  </Text>
);

function ValidUntil({ value }: { value: string }) {
  const d = parseServerTime(value);
  if (d === null) return <Text span size="sm" c="dimmed">never expires</Text>;
  if (d === undefined) return <>{value}</>;
  const e = passwordExpiry(value);
  return (
    <Group gap={6} wrap="wrap">
      <span>{fmtDate(d)}</span>
      <Badge size="xs" variant="light" color={e === 'expired' ? 'red' : e === 'expiring' ? 'yellow' : 'gray'}>
        {e === 'expired' ? `expired ${relativeTime(d)}` : `expires ${relativeTime(d)}`}
      </Badge>
    </Group>
  );
}

function LastDDL({ value }: { value?: string }) {
  const d = value ? parseServerTime(value) : null;
  if (!d) return <Text span size="sm" c="dimmed">{value || 'none recorded'}</Text>;
  return (
    <Group gap={6} wrap="wrap">
      <span>{fmtDate(d)}</span>
      <Text span size="xs" c="dimmed">
        {relativeTime(d)}
      </Text>
    </Group>
  );
}

function UserFacts({ u, f }: { u: User; f: Features }) {
  return (
    <>
      <Fact label="Identity" help={IDENTITY_DESCRIPTION[u.identity]}>
        {IDENTITY_LABEL[u.identity] ?? u.identity}
      </Fact>
      <Fact label="Superuser" help="A superuser bypasses every privilege check.">
        {yes(u.superuser)}
      </Fact>
      <Fact label="Create databases">{yes(u.createDb)}</Fact>
      {f.postgres && <Fact label="Create roles">{yes(u.createRole)}</Fact>}
      <Fact label="Connection limit">{connectionLimit(u.connectionLimit)}</Fact>
      {f.sessionTimeout && <Fact label="Session timeout">{sessionTimeout(u.sessionTimeout)}</Fact>}
      {f.syslog && (
        <Fact label="System log access" help="RESTRICTED: sees only its own rows in system tables; UNRESTRICTED: sees everyone's.">
          {u.syslogAccess ? u.syslogAccess.toLowerCase() : '—'}
        </Fact>
      )}
      <Fact label="Password valid until">
        <ValidUntil value={u.validUntil} />
      </Fact>
      {f.redshift && (
        <Fact label="Password" help="PASSWORD DISABLE: the user signs in only through IAM or an identity provider.">
          {u.passwordDisabled ? yes(true, 'disabled') : 'enabled'}
        </Fact>
      )}
      {f.postgres && (
        <>
          <Fact label="Inherits privileges" help="NOINHERIT: privileges of its roles apply only after SET ROLE.">
            {yes(u.inherit)}
          </Fact>
          <Fact label="Bypass row security">{yes(u.bypassRls)}</Fact>
          <Fact label="Replication">{yes(u.replication)}</Fact>
        </>
      )}
      {f.redshift && (
        <Fact label="Last DDL" help="When the user last ran a DDL statement such as CREATE, ALTER or DROP (svv_user_info.last_ddl_timestamp).">
          <LastDDL value={u.lastDdl} />
        </Fact>
      )}
      {u.externalId && <Fact label="External ID">{u.externalId}</Fact>}
      <Fact label="ID">{u.id}</Fact>
    </>
  );
}

/** Member of / members: each with kind, a link, admin option and grantor. */
function MembershipList({ items, side, empty }: { items: Membership[]; side: 'of' | 'member'; empty: string }) {
  const [limit, setLimit] = useState(200);
  if (!items.length)
    return (
      <Text size="sm" c="dimmed" px="md" py="sm">
        {empty}
      </Text>
    );
  const sorted = sortRefs(items, (m) => (side === 'of' ? m.of : m.member));
  return (
    <Box>
      {sorted.slice(0, limit).map((m) => {
        const p = side === 'of' ? m.of : m.member;
        return (
          <Group
            key={`${p.kind}:${p.name}`}
            px="md"
            py={6}
            gap="sm"
            wrap="nowrap"
            style={{ borderBottom: '1px solid var(--app-border)' }}
            data-principal={p.kind === 'public' ? 'PUBLIC' : p.name}
          >
            <Box style={{ flex: 1, minWidth: 0 }}>
              <PrincipalLink principal={p} />
            </Box>
            {m.adminOption && (
              <Badge size="xs" variant="light" color="orange" title="WITH ADMIN OPTION: may grant this membership to others">
                admin option
              </Badge>
            )}
            {m.inheritOption === false && (
              <Badge size="xs" variant="light" color="gray" title="INHERIT FALSE: privileges apply only after SET ROLE">
                no inherit
              </Badge>
            )}
            {m.grantor && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                by {m.grantor}
              </Text>
            )}
          </Group>
        );
      })}
      {sorted.length > limit && (
        <Group px="md" py={6}>
          <Button size="compact-xs" variant="subtle" onClick={() => setLimit((l) => l + 1000)}>
            Show more ({(sorted.length - limit).toLocaleString('en-US')} left)
          </Button>
        </Group>
      )}
    </Box>
  );
}

export function OverviewPanel({ session, detail }: { session: SessionInfo; detail: PrincipalDetail }) {
  const { summary } = useCatalog(session.id);
  const f = featuresOf(summary);
  const ref = detail.ref;
  const u = detail.user;
  const r = detail.role;
  const g = detail.group;
  const config = u?.config ?? [];
  const canBeMember = ref.kind === 'user' || ref.kind === 'role';
  const hasMembers = ref.kind === 'role' || ref.kind === 'group';
  const comment = u?.comment || r?.comment;

  return (
    <Stack gap="md" p="lg">
      {ref.kind === 'public' && (
        <Text size="sm" c="dimmed">
          PUBLIC stands for every user, including users created later. What is granted to PUBLIC, everyone has.
        </Text>
      )}
      {ref.kind !== 'public' && (
        <Section title="Attributes">
          <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md" verticalSpacing="sm" p="md">
            {u && <UserFacts u={u} f={f} />}
            {r && (
              <>
                {f.redshift && <Fact label="Owner">{r.owner || '—'}</Fact>}
                {r.externalId && <Fact label="External ID">{r.externalId}</Fact>}
                <Fact label="System role" help="Roles such as sys:* (Redshift) or pg_* (PostgreSQL) are managed by the server.">
                  {yes(r.system)}
                </Fact>
                {f.postgres && (
                  <>
                    <Fact label="Superuser">{yes(r.superuser)}</Fact>
                    <Fact label="Create databases">{yes(r.createDb)}</Fact>
                    <Fact label="Create roles">{yes(r.createRole)}</Fact>
                    <Fact label="Inherits privileges">{yes(r.inherit)}</Fact>
                  </>
                )}
                <Fact label="ID">{r.id}</Fact>
              </>
            )}
            {g && <Fact label="ID">{g.id}</Fact>}
          </SimpleGrid>
          {config.length > 0 && (
            <Box px="md" pb="md">
              <Text size="xs" c="dimmed" fw={600} mb={4}>
                Session defaults
              </Text>
              <Group gap={6}>
                {config.map((c) => (
                  <Code key={c}>{c}</Code>
                ))}
              </Group>
            </Box>
          )}
          {comment && (
            <Text size="sm" px="md" pb="md" c="dimmed">
              {comment}
            </Text>
          )}
        </Section>
      )}

      {canBeMember && (
        <Section title="Member of" count={detail.memberOf.length} icon={<IconUsersGroup size={15} />}>
          <MembershipList
            items={detail.memberOf}
            side="of"
            empty={
              ref.kind !== 'user'
                ? 'Not granted to any other role.'
                : detail.inheritsFrom.some((x) => x.from.kind !== 'public')
                  ? 'Not a member of any role or group (implicit memberships are under Inherits from).'
                  : 'Not a member of any role or group: only its own grants and PUBLIC apply.'
            }
          />
        </Section>
      )}

      {hasMembers && (
        <Section title="Members" count={detail.members.length} icon={<IconUsersGroup size={15} />}>
          <MembershipList items={detail.members} side="member" empty={`Nobody is a member of this ${ref.kind} yet.`} />
        </Section>
      )}

      {ref.kind !== 'public' && (
        <Section
          title="Inherits from"
          count={detail.inheritsFrom.length}
          icon={<IconHierarchy2 size={15} />}
          help="Every role, group and PUBLIC whose privileges apply, with the chain of memberships that leads there."
        >
          {detail.inheritsFrom.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" py="sm">
              Inherits nothing: only its own grants apply.
            </Text>
          ) : (
            detail.inheritsFrom.map((x) => (
              <Group key={`${x.from.kind}:${x.from.name}`} px="md" py={6} gap="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--app-border)' }}>
                <Box w={170} style={{ flexShrink: 0, minWidth: 0 }}>
                  <PrincipalLink principal={x.from} />
                </Box>
                <Box style={{ flex: 1, minWidth: 0 }} aria-label={`Path to ${x.from.kind === 'public' ? 'PUBLIC' : x.from.name}`}>
                  {x.from.kind === 'public' ? (
                    <Text size="xs" c="dimmed">
                      everyone
                    </Text>
                  ) : (
                    <>
                      <Chain from={ref} via={x.via} />
                      {x.note && (
                        <Text size="xs" c="dimmed">
                          {x.note}
                        </Text>
                      )}
                    </>
                  )}
                </Box>
              </Group>
            ))
          )}
        </Section>
      )}

      {f.systemPermissions && (ref.kind === 'role' || detail.systemPrivileges.length > 0) && (
        <Section title="System permissions" count={detail.systemPrivileges.length} icon={<IconShieldCheck size={15} />}>
          {detail.systemPrivileges.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" py="sm">
              No system permissions (CREATE USER, ACCESS SYSTEM TABLE, …) are granted to this role.
            </Text>
          ) : (
            <Group gap={6} p="md">
              {[...detail.systemPrivileges].sort().map((p) => (
                <Badge key={p} variant="light" color="grape" size="md" radius="sm">
                  {p}
                </Badge>
              ))}
            </Group>
          )}
        </Section>
      )}
    </Stack>
  );
}
