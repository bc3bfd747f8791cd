import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../../test/render';
import { WORKSPACE_TABS } from '../../workspace/registry';
import { juliaDetail, session, summary, userAttrs } from '../fixtures.test-util';
import { CatalogSession } from '../parts';
import { catalogFor, resetCatalogStores } from '../store';
import { OverviewPanel } from './OverviewPanel';

const api = vi.hoisted(() => ({ load: vi.fn() }));
vi.mock('../../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

const redshift = summary({
  engine: 'redshift',
  capabilities: { ...summary().capabilities, groups: true, sessionTimeout: true, syslogAccess: true, systemPrivileges: true, scopedPermissions: true },
});

async function mount(s: ReturnType<typeof summary>, detail = juliaDetail) {
  resetCatalogStores();
  api.load.mockResolvedValue(s);
  await act(() => catalogFor(session.id).load(false));
  renderUI(
    <CatalogSession session={session}>
      <OverviewPanel session={session} detail={detail} />
    </CatalogSession>,
  );
}

describe('capabilities decide what is shown', () => {
  beforeEach(() => vi.clearAllMocks());

  it('PostgreSQL: role attributes, no session timeout, syslog access or password switch', async () => {
    await mount(summary());
    const attrs = screen.getByRole('region', { name: 'Attributes' });
    expect(within(attrs).getByText('Create roles')).toBeInTheDocument();
    expect(within(attrs).getByText('Bypass row security')).toBeInTheDocument();
    expect(within(attrs).queryByText('Session timeout')).toBeNull();
    expect(within(attrs).queryByText('System log access')).toBeNull();
    expect(within(attrs).queryByText('Password')).toBeNull();
  });

  it('Redshift: session timeout, syslog access, password disabled, identity', async () => {
    const u = userAttrs('IAM:alice', { identity: 'iam', sessionTimeout: 5400, syslogAccess: 'UNRESTRICTED', passwordDisabled: true, connectionLimit: 25 });
    await mount(redshift, { ...juliaDetail, ref: { kind: 'user', name: u.name }, user: u });
    const attrs = screen.getByRole('region', { name: 'Attributes' });
    expect(within(attrs).getByText('1 h 30 min (5,400 s)')).toBeInTheDocument();
    expect(within(attrs).getByText('unrestricted')).toBeInTheDocument();
    expect(within(attrs).getByText('disabled')).toBeInTheDocument();
    expect(within(attrs).getByText('IAM')).toBeInTheDocument();
    expect(within(attrs).getByText('25')).toBeInTheDocument();
    expect(within(attrs).queryByText('Bypass row security')).toBeNull();
  });

  it('Redshift roles list their system permissions', async () => {
    const ref = { kind: 'role' as const, name: 'security_admin' };
    await mount(redshift, {
      ...juliaDetail,
      ref,
      user: undefined,
      role: { id: 9, name: 'security_admin', owner: 'admin', externalId: '', system: false, superuser: false, createDb: false, createRole: false, inherit: true },
      memberOf: [],
      members: [{ member: { kind: 'user', name: 'victor' }, of: ref, adminOption: true }],
      systemPrivileges: ['CREATE USER', 'ALTER USER'],
      inheritsFrom: [],
    });
    const perms = screen.getByRole('region', { name: 'System permissions' });
    expect(within(perms).getAllByText(/USER$/).map((e) => e.textContent)).toEqual(['ALTER USER', 'CREATE USER']);
    expect(within(screen.getByRole('region', { name: 'Attributes' })).getByText('Owner')).toBeInTheDocument();
    const members = screen.getByRole('region', { name: 'Members' });
    expect(within(members).getByText('admin option')).toBeInTheDocument();
  });

  it('the Groups tab exists only where the engine has groups', () => {
    const groups = WORKSPACE_TABS.find((t) => t.value === 'groups')!;
    expect(groups.visible!(summary())).toBe(false);
    expect(groups.visible!(redshift)).toBe(true);
    expect(WORKSPACE_TABS.find((t) => t.value === 'roles')!.count!(summary({ counts: { ...summary().counts, roles: 25, systemRoles: 12 } }))).toBe(13);
  });
});
