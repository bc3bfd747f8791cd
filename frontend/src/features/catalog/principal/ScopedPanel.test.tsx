import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrincipalDetail } from '../../../api';
import { renderUI } from '../../../test/render';
import { pending } from '../../changes/store';
import { capabilitiesOf, session, summary, vocabularyOf } from '../fixtures.test-util';
import { CatalogSession } from '../parts';
import { catalogFor, resetCatalogStores } from '../store';
import { ScopedPanel } from './ScopedPanel';
import { systemCellText } from './SystemPermissionsStrip';

const api = vi.hoisted(() => ({ load: vi.fn(), schemas: vi.fn() }));
vi.mock('../../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

const loader = { kind: 'role' as const, name: 'etl_loader' };
const db = { kind: 'database' as const, name: 'dev' };

function detail(ref: PrincipalDetail['ref'] = loader): PrincipalDetail {
  return {
    ref,
    memberOf: [],
    owned: [],
    members: [],
    defaultsAsOwner: [],
    defaultsReceived: [],
    systemPrivileges: [],
    relations: [],
    inheritsFrom: [],
    grants: [
      { object: db, grantee: ref, privilege: 'CREATE', grantOption: false, scope: 'COPY JOBS' },
      { object: db, grantee: ref, privilege: 'ALTER', grantOption: false, scope: 'COPY JOBS' },
      { object: db, grantee: ref, privilege: 'TEMP', grantOption: false },
    ],
  };
}

async function mount(d: PrincipalDetail) {
  resetCatalogStores();
  pending.clear(session.id);
  api.load.mockResolvedValue(summary({ engine: 'redshift', database: 'dev', capabilities: capabilitiesOf('redshift'), vocabulary: vocabularyOf('redshift') }));
  api.schemas.mockResolvedValue([{ name: 'etl', owner: 'admin', type: 'local', system: false, tables: 0, views: 0, sequences: 0, functions: 0, procedures: 1, grants: 0 }]);
  await act(() => catalogFor(session.id).load(false));
  renderUI(
    <CatalogSession session={session}>
      <ScopedPanel session={session} detail={d} />
    </CatalogSession>,
  );
}

describe('scoped permissions tab', () => {
  beforeEach(() => vi.clearAllMocks());

  it('lists held scoped permissions apart from object grants and queues the revoke of a row', async () => {
    await mount(detail());
    const row = screen.getByText('All copy jobs in database dev').closest('[data-scoped]') as HTMLElement;
    expect(within(row).getByText('FOR COPY JOBS IN DATABASE dev')).toBeInTheDocument();
    expect(screen.queryByText(/TEMP/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Revoke All copy jobs in database dev' }));
    expect(pending.changes(session.id).at(-1)).toEqual({
      kind: 'revoke_privileges',
      privilege: { privileges: ['CREATE', 'ALTER'], target: 'scoped_in_database', kind: 'copy_job', database: 'dev', grantee: loader },
    });
  });

  it('says groups get no scoped permissions, offering no form', async () => {
    await mount(detail({ kind: 'group', name: 'staff' }));
    expect(screen.getByText('No scoped permissions for groups or PUBLIC')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Queue' })).toBeNull();
  });
});

describe('system permissions in effective access', () => {
  it('names the roles an inherited permission comes through', () => {
    expect(systemCellText({ privilege: 'IGNORE RLS', direct: false, inherited: true, via: [[loader], [loader, { kind: 'role', name: 'sec' }]] })).toBe(
      'IGNORE RLS — inherited through etl_loader; etl_loader → sec',
    );
  });
});
