import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../../test/render';
import { pending } from '../../changes/store';
import { session, summary } from '../fixtures.test-util';
import { CatalogSession } from '../parts';
import { catalogFor, resetCatalogStores } from '../store';
import { lockdownChange } from './logic';
import { RedshiftSurfaceSection } from './RedshiftSurfaceSection';

const api = vi.hoisted(() => ({ load: vi.fn(), overview: vi.fn() }));
vi.mock('../../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, load: api.load }, surfaceApi: { ...orig.surfaceApi, overview: api.overview } };
});

const overview = (publicAssumesAll: boolean) => ({
  supported: true,
  publicAssumesAll,
  publicAssumeRoles: publicAssumesAll ? [{ iamRole: 'ALL', command: 'ALL', grantee: { kind: 'public', name: '' } }] : [],
  datashares: [
    {
      share: { name: 'salesshare', owner: 'alice', type: 'OUTBOUND', publicAccessible: false, sourceDatabase: 'dev', consumers: [{ account: '123456789012' }] },
      grants: [{ object: { kind: 'datashare', name: 'salesshare' }, grantee: { kind: 'role', name: 'sharers' }, privilege: 'SHARE', grantOption: false }],
    },
  ],
  models: [{ model: { schema: 'ml', name: 'churn', owner: 'alice', state: 'Model is Ready' }, grants: [] }],
});

async function mount(engine: 'redshift' | 'postgres', o: ReturnType<typeof overview>) {
  resetCatalogStores();
  pending.clear(session.id);
  api.load.mockResolvedValue(summary({ engine }));
  api.overview.mockResolvedValue(o);
  await act(() => catalogFor(session.id).load(false));
  renderUI(
    <CatalogSession session={session}>
      <RedshiftSurfaceSection session={session} />
    </CatalogSession>,
  );
}

describe('the overview’s Redshift section', () => {
  beforeEach(() => vi.clearAllMocks());

  it('warns while PUBLIC may assume every IAM role and queues the lock-down in one click', async () => {
    await mount('redshift', overview(true));
    await screen.findByText('Every user may assume every IAM role of the cluster');
    fireEvent.click(screen.getByRole('button', { name: 'Queue the fix' }));
    expect(pending.changes(session.id)).toEqual([lockdownChange()]);
    expect(await screen.findByText('Queued — preview and apply it from the pending changes')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Queue the fix' })).toBeNull();
  });

  it('lists datashares with consumers and holders; a consumer’s × queues REVOKE USAGE', async () => {
    await mount('redshift', overview(false));
    const table = await screen.findByRole('table', { name: 'Datashares' });
    expect(screen.queryByText('Every user may assume every IAM role of the cluster')).toBeNull();
    expect(within(table).getByText('account 123456789012')).toBeInTheDocument();
    expect(within(table).getByText('SHARE')).toBeInTheDocument();
    fireEvent.click(within(table).getByRole('button', { name: 'Stop sharing with account 123456789012' }));
    expect(pending.changes(session.id)).toEqual([
      { kind: 'revoke_datashare_usage', datashareUsage: { datashare: 'salesshare', accounts: ['123456789012'] } },
    ]);
    expect(screen.getByRole('table', { name: 'ML models' })).toBeInTheDocument();
  });

  it('shows nothing on PostgreSQL', async () => {
    await mount('postgres', overview(true));
    await act(async () => {});
    expect(api.overview).not.toHaveBeenCalled();
    expect(screen.queryByText('Datashares')).toBeNull();
  });
});
